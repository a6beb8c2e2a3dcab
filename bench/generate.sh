#!/usr/bin/env bash
# Synthetic hypothetical models for `origins predict --batch`, as JSON Lines on standard output:
#   bench/generate.sh COUNT [SEED] > models.jsonl
# Random recipes on top of the real models of facts/models/ (see bench/Generate.java). Builds the
# project first if needed (the generator uses Jackson from target/lib).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
count="${1:?usage: bench/generate.sh COUNT [SEED]}"
seed="${2:-1}"
if [ ! -d "$here/target/lib" ]; then
  "$here/origins" --version >/dev/null
fi
exec java -cp "$here/target/lib/*" "$here/bench/Generate.java" --facts "$here/facts" --count "$count" --seed "$seed"
