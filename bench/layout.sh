#!/usr/bin/env bash
# The Java graph layout (src/main/java/org/origins/render/layout) and the pictures drawn with it:
#   1. synthetic graphs of 20 to 1000 nodes laid out in one JVM: the first layout (class loading and
#      interpreter included) and the median of later ones (bench/LayoutBench.java);
#   2. the same, one layout per fresh JVM (what a command pays), median of N runs;
#   3. whole commands, cold, median of N runs: the tree and a proof as DOT text (no layout) against
#      the same drawn as SVG, and the HTML report (the tree and 132 proof graphs drawn).
#   bench/layout.sh [N]      (default 5)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5}"
cd "$here"
./origins check > /dev/null            # builds if needed, records the CDS archive, fills the cache
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
LABEL_WIDTH=34
. "$here/bench/timing.sh"
echo "## in one JVM"
java "${jvm[@]}" -cp target/classes bench/LayoutBench.java warm 20 40 70 200 500 1000
echo
echo "## one layout per fresh JVM (ms inside the JVM, median of $n)"
for size in 20 70 500; do
  times=()
  for _ in $(seq 1 "$n"); do times+=("$(java "${jvm[@]}" -cp target/classes bench/LayoutBench.java cold "$size")"); done
  printf '%5d nodes: %s ms   (%s)\n' "$size" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
done
echo
echo "## whole commands, cold"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
measure "lineage --format dot" ./origins lineage --format dot
measure "lineage --render svg" ./origins lineage --render svg --out "$out/l.svg" --force
measure "why chatgpt dialogue --format dot" ./origins why chatgpt dialogue --format dot
measure "why chatgpt dialogue --render svg" ./origins why chatgpt dialogue --render svg --out "$out/w.svg" --force
measure "report --out report.html" ./origins report --out "$out/r.html" --force
measure "report --out report.md" ./origins report --out "$out/r.md" --force
