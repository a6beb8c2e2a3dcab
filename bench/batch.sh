#!/usr/bin/env bash
# Scale curve of `origins predict --batch`: generates 1k, 10k, 100k and 1M synthetic hypothetical
# models (bench/generate.sh), predicts each file with /usr/bin/time -v, and prints a table of wall
# time, throughput and peak RSS. Environment:
#   SIZES="1000 10000 100000 1000000"   the batch sizes
#   RUNS=1                              runs per size; the table shows the median run by wall time (its RSS,
#                                       CPU time = user + system, and the load average before it), then every run
#   ORIGINS_JAVA_OPTS=...               JVM options (default below: C2 JIT, a fixed young generation)
#   BENCH_DIR=target/bench              where the generated models and the outputs go
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
sizes="${SIZES:-1000 10000 100000 1000000}"
runs="${RUNS:-1}"
work="${BENCH_DIR:-$here/target/bench}"
# The launcher's default (-XX:TieredStopAtLevel=1) suits short commands; a long batch wants the C2 JIT.
# A large young generation keeps the number of collections (each copies the sessions in flight) low.
export ORIGINS_JAVA_OPTS="${ORIGINS_JAVA_OPTS:--XX:+UseParallelGC -Xmx850m -Xmn600m}"
mkdir -p "$work"
"$here/origins" --version >/dev/null   # builds on first use, outside the timings

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1)"
echo "ORIGINS_JAVA_OPTS=$ORIGINS_JAVA_OPTS; $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%10s %10s %12s %14s %10s %8s  %s\n' models seconds models/s "peak RSS MB" "CPU s" "load" "runs (s)"
for n in $sizes; do
  in="$work/models-$n.jsonl"
  if [ ! -s "$in" ]; then
    "$here/bench/generate.sh" "$n" 1 > "$in.tmp" && mv "$in.tmp" "$in"
  fi
  results=()
  for ((r = 1; r <= runs; r++)); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    for attempt in 1 2; do
      /usr/bin/time -v -o "$work/time-$n.txt" "$here/origins" predict --batch "$in" --out "$work/out-$n.jsonl" --force \
        2> "$work/err-$n.txt" || { echo "origins failed on $in (see $work/err-$n.txt)" >&2; exit 1; }
      # the launcher rebuilds when src/main changed since the last build: that run does not count
      grep -q "origins: building" "$work/err-$n.txt" || break
    done
    lines="$(wc -l < "$work/out-$n.jsonl")"
    [ "$lines" -eq "$n" ] || { echo "expected $n output lines, found $lines" >&2; exit 1; }
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time-$n.txt")"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time-$n.txt")"
    cpu="$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.1f", s}' "$work/time-$n.txt")"
    results+=("$wall $rss $cpu $load")
  done
  median="$(printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}')"
  read -r wall rss cpu load <<< "$median"
  all="$(printf '%s\n' "${results[@]}" | awk '{printf "%s%s", (NR > 1 ? " " : ""), $1}')"
  printf '%10d %10.1f %12.0f %14d %10s %8s  %s\n' "$n" "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN {print n / w}')" "$rss" "$cpu" \
    "$load" "$all"
done
