# Shared by the bench scripts (sourced): wall times of whole commands and their medians.
# measure LABEL COMMAND...: runs COMMAND $n times (n set by the caller) and prints the median.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {  # prints the wall milliseconds of one run
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
measure() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$n"); do times+=("$(run "$@")"); done
  printf "%-${LABEL_WIDTH:-12}s median %4d ms   (%s)\n" "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}
