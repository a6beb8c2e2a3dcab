#!/usr/bin/env bash
# `origins serve` under load, on the real knowledge base (a copy of the project's rules/ and facts/, without
# facts/hypothetical/, in a temporary folder):
#   1. warm-up: WARMUP s (default 30) of 8 clients (the JIT compiles the hot paths);
#   2. one rule file of the copy touched (a comment added): the server reloads and forgets the answers it
#      made; then N (default 500) distinct proof pages one at a time, made fresh: the server's own time
#      (its Server-Timing header); then the same pages again, answered from what it keeps;
#   3. CLIENTS clients (default 50) for SECONDS (default 30), each asking again as soon as answered, a mix
#      of pages (bench/ServeLoad.java): latency percentiles, by kind of page too, errors, throughput;
#   4. memory: the heap in use after a full collection before and after the run, and the resident size
#      every 5 s during it; the load average before and after.
# Only the server started here, on the loopback address, is asked; every loop is bounded.
#   bench/serve.sh [CLIENTS] [SECONDS]        (WARMUP=s, PROOFS=n in the environment)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
clients="${1:-50}"
seconds="${2:-30}"
warmup="${WARMUP:-30}"
proofs="${PROOFS:-500}"
cd "$here"
./origins check > /dev/null            # builds if needed
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cp -r rules "$work/rules"
cp -r facts "$work/facts"
rm -rf "$work/facts/hypothetical"
log="$work/serve.log"
./origins serve --port 0 --facts "$work/facts" --rules "$work/rules" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  grep -q "origins serve: http" "$log" && break
  sleep 0.5
done
url="$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -n 1)"
[ -n "$url" ] || { cat "$log"; exit 1; }
# the launcher execs java: $pid is the server's JVM
# the heap in use after a full collection, in KB: the serial collector's generations, or G1's heap (ORIGINS_JAVA_OPTS)
heap() { jcmd "$pid" GC.run > /dev/null; jcmd "$pid" GC.heap_info | grep -E 'generation|garbage-first heap' | grep -Eo 'used [0-9]+K' | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
rss() { grep VmRSS "/proc/$pid/status" | grep -Eo '[0-9]+'; }
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # the server's user + system time, in clock ticks
generation() { curl -s "${url}api/status" | grep -Eo '"generation":[0-9]+' | grep -Eo '[0-9]+'; }
load=(java -cp target/classes bench/ServeLoad.java)
models="$(ls "$work/facts/models" | wc -l)"
echo "server: $url (pid $pid), $models models, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${load[@]}" load "$url" 8 "$warmup" > /dev/null
before="$(generation)"
printf '\n// bench/serve.sh: a reload\n' >> "$(ls "$work"/rules/*.drl | head -n 1)"
for _ in $(seq 1 100); do
  [ "$(generation)" -gt "$before" ] && break
  sleep 0.2
done
[ "$(generation)" -gt "$before" ] || { echo "the server did not reload"; cat "$log"; exit 1; }
echo "## proof pages, one at a time, warm: made fresh after a reload, then again"
"${load[@]}" proof "$url" "$proofs" 1
"${load[@]}" proof "$url" "$proofs" 1
echo "## $clients clients for $seconds s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
before_heap="$(heap)"; before_rss="$(rss)"; before_cpu="$(cpu)"
( for _ in $(seq 1 $(( seconds / 5 ))); do sleep 5; rss; done ) > "$work/rss" &
sampler=$!
"${load[@]}" load "$url" "$clients" "$seconds"
after_cpu="$(cpu)"
wait "$sampler" || true
mapfile -t samples < "$work/rss"
echo "server CPU during the run: $(( (after_cpu - before_cpu) / $(getconf CLK_TCK) )) s of $(( seconds * $(nproc) )) s of the machine's; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
after_heap="$(heap)"; after_rss="$(rss)"
echo "heap in use after a full GC: before $(( before_heap / 1024 )) MB, after $(( after_heap / 1024 )) MB"
echo "resident: before $(( before_rss / 1024 )) MB, during $(printf '%s ' "${samples[@]}" | awk '{for(i=1;i<=NF;i++) printf "%d ", $i/1024}')MB, after $(( after_rss / 1024 )) MB"
