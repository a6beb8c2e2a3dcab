#!/usr/bin/env bash
# What it would take, cold: wall time of `./origins recipe ...` on the full knowledge base with
# --max-changes 3, a fresh JVM each time, median of N runs (default 5), for the searches that judge
# the most drafts (found by trying every model × ability at present and strong; the number in
# brackets), a search that ends without a recipe, one that searches every size (--cost tokens), and
# --necessary; next to the cold `why` of coldstart.sh as the yardstick (the machine's speed drifts).
# Target: ≤ 2 s each.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5}"
cd "$here"
./origins check > /dev/null            # builds if needed, records the CDS archive, fills the cache
. "$here/bench/timing.sh"
LABEL_WIDTH=44
measure "why (yardstick)" ./origins why code-davinci-002 chain-of-thought
measure "recipe deepseek-r1 icl=strong (22 drafts)" ./origins recipe deepseek-r1 in-context-learning=strong --max-changes 3
measure "recipe text-davinci-001 icl=strong (18)" ./origins recipe text-davinci-001 in-context-learning=strong --max-changes 3
measure "recipe davinci cot (7)" ./origins recipe davinci chain-of-thought --max-changes 3
measure "recipe gpt-3-1.3b cot=strong (none)" ./origins recipe gpt-3-1.3b chain-of-thought=strong --max-changes 3
measure "recipe deepseek-r1 icl=strong --cost tokens" ./origins recipe deepseek-r1 in-context-learning=strong --max-changes 3 --cost tokens
measure "recipe text-davinci-003 icl --necessary" ./origins recipe text-davinci-003 in-context-learning --necessary
# where the first recipe's time goes: "origins: timing (ms): launch 64, command-line 65, ..."
phases="$(for _ in $(seq 1 "$n"); do
  ORIGINS_TIMING=1 ./origins recipe deepseek-r1 in-context-learning=strong 2>&1 >/dev/null | sed -n 's/^origins: timing (ms): //p' | tr ',' '\n' | sed 's/^ //'
done)"
printf 'phases of the first (median ms):'
for phase in $(printf '%s\n' "$phases" | awk '!seen[$1]++ {print $1}'); do
  printf ' %s %s' "$phase" "$(printf '%s\n' "$phases" | awk -v p="$phase" '$1 == p {print $2}' | median)"
done
echo
