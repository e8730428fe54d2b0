#!/usr/bin/env bash
# Quick A/B of two builds, or of two sets of JVM options, on the same box (≈ 4 min per run; see
# BENCHMARKS.md):
#
#   bench/ab.sh JAR LABEL [JAVA-OPTION ...]
#     e.g. bench/ab.sh /tmp/before.jar before; bench/ab.sh target/switchboard-0.1.0-SNAPSHOT.jar after
#          bench/ab.sh target/switchboard-0.1.0-SNAPSHOT.jar parallel-gc -XX:+UseParallelGC
#
# Starts JAR (bench/fresh-hub.sh: BENCH_JAVA or java, -Xmx256m then the options given, profile
# "bench", fresh H2 journal, this checkout's config/routes/connectors), runs 3 warm-up rounds of
# 20 s of mixed webhooks + 15 s of ping, then measures 20 s of webhooks and 15 s of ping. Like
# bench/run.sh, the processor's backlog is drained before every ping run (a ping measured while
# the processor drains is not the stack's ceiling), so the ratio it prints compares with
# bench/run.sh's. Each measured line also gives the hub's CPU per request (all its threads, from
# /proc), the figure that moves least when the box is shared; the drain of the measured webhooks'
# backlog gives the processor's rate and the hub's CPU per translated row. The environment is the
# hub's too (e.g. SWITCHBOARD_DB_URL for another journal URL). The warm-up rounds replay one file,
# so rounds 2 and 3 repeat events (accepted and stored, then dropped as duplicates by the processor).
# Shorter and rougher than bench/run.sh (no preload, no fixed-rate run): use it to compare builds
# run one after the other, not as the benchmark's figures.
set -euo pipefail
JAR=$(realpath "${1:?usage: bench/ab.sh JAR LABEL [JAVA-OPTION ...]}")
L=${2:?usage: bench/ab.sh JAR LABEL [JAVA-OPTION ...]}
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/fresh-hub.sh ab
java bench/GenRequests.java "$D/warm.txt" 200000 mixed 11 > /dev/null
java bench/GenRequests.java "$D/measure.txt" 300000 mixed 12 > /dev/null
fresh_hub "$JAR" "$@"
echo "$L ready $READY_MS ms (options: -Xmx256m $*)"
HZ=$(getconf CLK_TCK)
# measured LINE-OF-WRK COMMAND...: runs the command, appends the hub's CPU per answered request
measured() {
  local t0 line
  t0=$(hub_ticks)
  line=$("$@")
  awk -v l="$line" -v t="$(( $(hub_ticks) - t0 ))" -v hz="$HZ" 'BEGIN {
    match(l, /requests=[0-9]+/); n = substr(l, RSTART + 9, RLENGTH - 9)
    printf "%s hub_cpu_us_per_req=%.1f\n", l, (n > 0 ? 1e6 * t / hz / n : 0) }'
}
webhooks() { BENCH_REQUESTS=$1 BENCH_THREADS=1 wrk -t1 -c128 -d"$2"s --timeout 10s --latency -s bench/requests.lua "$BASE/" | grep '^BENCH'; }
ping() { wrk -t1 -c128 -d"$1"s --timeout 10s --latency -s bench/ping.lua "$BASE/bench/ping" | grep '^BENCH'; }
for r in 1 2 3; do
  echo "$L warm-up $r webhooks $(webhooks "$D/warm.txt" 20)"
  drain
  echo "$L warm-up $r ping $(ping 15)"
done
W=$(measured webhooks "$D/measure.txt" 20)
echo "$L MEASURE webhooks $W"
# The backlog those webhooks left, translated into the journal with nothing else running: the
# processor's cost per event (its thread, the journal's commits and the garbage they make).
ROWS=$(printf '%.0f' "$(pending)"); T0=$(hub_ticks); S0=$(date +%s%N)
drain
awk -v n="$ROWS" -v ms="$(( ($(date +%s%N) - S0) / 1000000 ))" -v t="$(( $(hub_ticks) - T0 ))" -v hz="$HZ" -v l="$L" 'BEGIN {
  printf "%s MEASURE drain rows=%d ms=%d rows_per_s=%.0f hub_cpu_us_per_row=%.1f\n", l, n, ms,
    (ms > 0 ? 1000 * n / ms : 0), (n > 0 ? 1e6 * t / hz / n : 0) }'
P=$(measured ping 15)
echo "$L MEASURE ping $P"
rps() { sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$1"; }
echo "$L MEASURE ratio $(awk -v w="$(rps "$W")" -v p="$(rps "$P")" 'BEGIN { printf "%.1f %%", 100 * w / p }')"
