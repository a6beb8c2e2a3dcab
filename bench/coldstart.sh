#!/usr/bin/env bash
# Cold answer: wall time of `./origins why code-davinci-002 chain-of-thought`, a fresh JVM each time,
# median of N runs (default 5), in four configurations:
#   compile    no rule cache, no class-data-sharing archive (every run compiles the rules)
#   cache      the compiled rule base read from the on-disk cache
#   cache+cds  the cache and the launcher's AppCDS archive (the default)
#   edited     one rule changed since the last run: the cache misses once, the rules are compiled
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5}"
cd "$here"
./origins check > /dev/null            # builds if needed, records the CDS archive, fills the cache
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {  # prints the wall seconds of one run
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
measure() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$n"); do times+=("$(run "$@")"); done
  printf '%-10s median %.2f s   (%s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}
q=(why code-davinci-002 chain-of-thought)
measure compile env ORIGINS_CACHE=off ORIGINS_CDS=off ./origins "${q[@]}"
measure cache env ORIGINS_CDS=off ./origins "${q[@]}"
measure cache+cds ./origins "${q[@]}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r rules "$work/"
times=()
for i in $(seq 1 "$n"); do
  sed -i "s/^\/\/ edit [0-9]*$//" "$work/rules/code.drl"; echo "// edit $i $RANDOM" >> "$work/rules/code.drl"
  times+=("$(run ./origins "${q[@]}" --rules "$work/rules")")
done
printf '%-10s median %.2f s   (%s)\n' "edited" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
