#!/usr/bin/env bash
# Each start-up step's gain: builds every given revision (default: the steps of the cold-start work)
# in its own git worktree under target/bench/steps/, then times the cold answer
# `origins why code-davinci-002 chain-of-thought` of each, interleaved (one run of each revision
# in turn, so that a busy machine slows them alike), RUNS rounds (default 11); prints the medians.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-11}"
revs=("$@")
if [ ${#revs[@]} -eq 0 ]; then
  revs=(1eedf3c 74b9544 6d8e0ff f7df366)
fi
cd "$here"
root="$here/target/bench/steps"
mkdir -p "$root"
git worktree prune   # worktrees of an earlier run whose folder a `mvn clean` removed
for r in "${revs[@]}"; do
  dir="$root/$r"
  if [ ! -d "$dir" ]; then
    git worktree add --detach -f "$dir" "$r" > /dev/null
  fi
  # its own rule cache, so that the revisions do not evict each other's entries
  (cd "$dir" && ORIGINS_CACHE_DIR="$dir/.cache" ./origins check > /dev/null)
done
. "$here/bench/timing.sh"
declare -A times
for _ in $(seq 1 "$runs"); do
  for r in "${revs[@]}"; do
    start=$(date +%s%N)
    ORIGINS_CACHE_DIR="$root/$r/.cache" "$root/$r/origins" why code-davinci-002 chain-of-thought > /dev/null
    end=$(date +%s%N)
    times[$r]="${times[$r]:-} $(( (end - start) / 1000000 ))"
  done
done
for r in "${revs[@]}"; do
  printf '%s %-70.70s median %4d ms  (%s)\n' "$r" "$(git log -1 --format=%s "$r")" \
    "$(printf '%s\n' ${times[$r]} | median)" "${times[$r]# }"
done
