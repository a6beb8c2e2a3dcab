#!/usr/bin/env bash
# Cold answer: wall time of `./origins why code-davinci-002 chain-of-thought`, a fresh JVM each time,
# median of N runs (default 5), in five configurations:
#   drl          rules compiled from DRL every run, no class-data-sharing archive
#   cache        the compiled rule base read from the on-disk cache, no archive
#   precompiled  the build's executable model of the bundled rules, no archive
#   default      the executable model and the launcher's AppCDS archive (what a user gets)
#   edited       one rule changed since the last run: compiled from DRL once, then cached
# then where the default's time goes (ORIGINS_TIMING=1), each phase's median.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5}"
cd "$here"
./origins check > /dev/null            # builds if needed, records the CDS archive, fills the cache
. "$here/bench/timing.sh"
q=(why code-davinci-002 chain-of-thought)
measure drl env ORIGINS_PRECOMPILED=off ORIGINS_CACHE=off ORIGINS_CDS=off ./origins "${q[@]}"
measure cache env ORIGINS_PRECOMPILED=off ORIGINS_CDS=off ./origins "${q[@]}"
measure precompiled env ORIGINS_CDS=off ./origins "${q[@]}"
measure default ./origins "${q[@]}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r rules "$work/"
times=()
for i in $(seq 1 "$n"); do
  sed -i "/^\/\/ edit [0-9]* [0-9]*$/d" "$work/rules/code.drl"; echo "// edit $i $RANDOM" >> "$work/rules/code.drl"
  times+=("$(run ./origins "${q[@]}" --rules "$work/rules")")
done
printf '%-12s median %4d ms   (%s)\n' "edited" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
# where the default's time goes: "origins: timing (ms): launch 64, command-line 65, ..."
phases="$(for _ in $(seq 1 "$n"); do
  ORIGINS_TIMING=1 ./origins "${q[@]}" 2>&1 >/dev/null | sed -n 's/^origins: timing (ms): //p' | tr ',' '\n' | sed 's/^ //'
done)"
printf 'phases (median ms):'
for phase in $(printf '%s\n' "$phases" | awk '!seen[$1]++ {print $1}'); do
  printf ' %s %s' "$phase" "$(printf '%s\n' "$phases" | awk -v p="$phase" '$1 == p {print $2}' | median)"
done
echo
