#!/usr/bin/env bash
# Where a running hub's CPU goes, by thread group, over a window (see BENCHMARKS.md):
#
#   bench/threads.sh PID [SECONDS]       e.g. during the lag phase of bench/crm.sh: bench/threads.sh 1234 10
#
# Reads every thread's user + system CPU ticks from /proc/PID/task/*/stat, waits SECONDS (10), reads
# them again and prints, per thread group (the name without its trailing numbers: "http-nio",
# "C2 CompilerThre", "inbox-processor", "Camel (camel-1)" …), the cores it used and its share of the
# hub's CPU. A thread that ends inside the window is missing from it (one that starts is counted in
# full). Names are cut to 15 characters by the kernel. Bounded: two reads, then it stops.
set -euo pipefail
PID=${1:?usage: bench/threads.sh PID [SECONDS]}
SECONDS_WINDOW=${2:-10}
snapshot() {
  local t line rest
  for t in /proc/"$PID"/task/*; do
    read -r line < "$t/stat" 2>/dev/null || continue
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    printf '%s\t%s\t%s\n' "${t##*/}" "$(cat "$t/comm" 2>/dev/null)" $(( ${12} + ${13} ))
  done
}
BEFORE=$(mktemp); AFTER=$(mktemp)
trap 'rm -f "$BEFORE" "$AFTER"' EXIT
snapshot > "$BEFORE"
sleep "$SECONDS_WINDOW"
snapshot > "$AFTER"
awk -F'\t' -v secs="$SECONDS_WINDOW" -v hz="$(getconf CLK_TCK)" '
  NR == FNR { before[$1] = $3; next }
  {
    group = $2; sub(/[-#0-9 ]+$/, "", group)
    used[group] += $3 - before[$1]; total += $3 - before[$1]
  }
  END {
    printf "hub: %.2f cores over %d s\n", total / hz / secs, secs
    for (g in used) if (used[g] > 0) printf "%-20s %6.2f cores %5.1f %%\n", g, used[g] / hz / secs, 100 * used[g] / total | "sort -k2 -rn"
  }' "$BEFORE" "$AFTER"
