#!/usr/bin/env bash
# Shell reload after a one-rule edit: starts `origins shell` on a copy of rules/ and facts/, edits one
# rule N times (alternating between two versions), and prints the reload times the shell reports.
# Usage: bench/reload.sh [N]   (default 7; the first reload warms the JIT and is reported apart)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
cp -r "$here/rules" "$here/facts" "$work/"
mkfifo "$work/in"
"$here/origins" shell --rules "$work/rules" --facts "$work/facts" < "$work/in" > "$work/out" 2>&1 &
pid=$!
exec 3> "$work/in"
wait_for() {  # wait_for PATTERN COUNT: until the shell printed PATTERN COUNT times (at most 120 s)
  local deadline=$((SECONDS + 120))
  until [ "$(grep -c "$1" "$work/out" 2>/dev/null || true)" -ge "$2" ]; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "the shell did not report \"$1\" in time; its output:" >&2; cat "$work/out" >&2; exit 1
    fi
    sleep 0.1
  done
}
wait_for "origins shell" 1
rule="$work/rules/code.drl"
for i in $(seq 1 "$n"); do
  if (( i % 2 )); then
    sed -i 's/Effect.gives($s, "chain-of-thought", "weak")/Effect.gives($s, "chain-of-thought", "present")/' "$rule"
  else
    sed -i 's/Effect.gives($s, "chain-of-thought", "present")/Effect.gives($s, "chain-of-thought", "weak")/' "$rule"
  fi
  wait_for "reloaded in" "$i"
done
echo "exit" >&3
exec 3>&-
wait "$pid" || true
times=$(grep -o 'reloaded in [0-9]* ms' "$work/out" | grep -o '[0-9]*')
echo "reload after a one-rule edit (ms), in order: $(echo $times | tr '\n' ' ')"
echo "$times" | tail -n +2 | sort -n | awk '{a[NR]=$1} END {print "median of the warm reloads: " a[int((NR+1)/2)] " ms (" NR " runs)"}'
