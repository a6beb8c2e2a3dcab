#!/usr/bin/env bash
# What the firing cap (--max-firings) costs: the real knowledge base reasoned N times (default 100)
# with the default cap, with a huge cap, and on a bare Drools session with and without cap-like
# listeners; prints the medians (bench/CapOverhead.java). Builds the project first if needed.
#   bench/cap-overhead.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
"$here/origins" --version >/dev/null
exec java -cp "$here/target/origins.jar:$here/target/lib/*" "$here/bench/CapOverhead.java" "$here/facts" "$here/rules" "${1:-100}"
