#!/usr/bin/env bash
# The inbox's group commit under a closed loop and at a fixed rate, in one hub (≈ 4 min; see
# BENCHMARKS.md "The inbox writer's linger"):
#
#   bench/commit-ab.sh JAR LABEL [JAVA-OPTION ...]
#     e.g. bench/commit-ab.sh target/switchboard-0.1.0-SNAPSHOT.jar 1ms
#          bench/commit-ab.sh target/switchboard-0.1.0-SNAPSHOT.jar none -Dswitchboard.ingress.inbox-linger=0
#
# Starts JAR on a fresh hub (bench/fresh-hub.sh, then -XX:+UseParallelGC as bin/switchboard picks,
# then the options given), runs 3 warm-up rounds of 20 s of mixed webhooks + 15 s of ping (the
# backlog drained before each ping), then measures: 20 s of webhooks in a closed loop (128
# connections), 15 s of ping, and 30 s at BENCH_RATE (1000) webhooks/s (bench/paced.lua, 64
# connections). Each line gives the rate, p99, the inbox's group commits in that run
# (switchboard.inbox.commit.requests), requests per commit, and the hub's CPU per request (all its
# threads, from /proc; at the fixed rate that includes the processor, which keeps up there).
# Alternate the variants: runs one after the other on this box differ by ±10 % in the closed loop.
# Needs a jar with the switchboard.inbox.commit.requests metric (since the linger came, 2026-12-08).
set -euo pipefail
shopt -s inherit_errexit  # a failing curl or wrk inside $(...) stops the run too
JAR=$(realpath "${1:?usage: bench/commit-ab.sh JAR LABEL [JAVA-OPTION ...]}")
L=${2:?usage: bench/commit-ab.sh JAR LABEL [JAVA-OPTION ...]}
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RATE=${BENCH_RATE:-1000}
source bench/fresh-hub.sh commit-ab
java bench/GenRequests.java "$D/warm.txt" 200000 mixed 11 > /dev/null
java bench/GenRequests.java "$D/measure.txt" 300000 mixed 12 > /dev/null
java bench/GenRequests.java "$D/paced.txt" $(( RATE * 40 )) mixed 13 > /dev/null
fresh_hub "$JAR" -XX:+UseParallelGC "$@"
HZ=$(getconf CLK_TCK)
webhooks() { BENCH_REQUESTS=$1 BENCH_THREADS=1 wrk -t1 -c128 -d"$2"s --timeout 10s --latency -s bench/requests.lua "$BASE/" | grep '^BENCH'; }
ping_run() { wrk -t1 -c128 -d"$1"s --timeout 10s --latency -s bench/ping.lua "$BASE/bench/ping" | grep '^BENCH'; }
paced() { BENCH_REQUESTS=$D/paced.txt BENCH_RATE=$RATE wrk -t1 -c64 -d30s --timeout 10s --latency -s bench/paced.lua "$BASE/" | grep '^BENCH'; }
commits() {  # "COUNT TOTAL" of the inbox's commit sizes so far
  local v
  v=$(curl -sf "$BASE/actuator/metrics/switchboard.inbox.commit.requests" \
    | sed -nE 's/.*"COUNT","value":([0-9.E+-]+).*"TOTAL","value":([0-9.E+-]+).*/\1 \2/p')
  [[ -n $v ]] || { echo "no switchboard.inbox.commit.requests metric (a jar from before 2026-12-08?)" >&2; exit 1; }
  echo "$v"
}
measure() {  # measure NAME COMMAND...: one line for the run COMMAND makes
  local name=$1 c0 c1 t0 t1 line; shift
  c0=$(commits); t0=$(hub_ticks); line=$("$@"); t1=$(hub_ticks); c1=$(commits)
  [[ $line == *" rps="* ]] || { echo "$name: no BENCH line from wrk" >&2; exit 1; }
  awk -v l="$line" -v a="$c0" -v b="$c1" -v t=$((t1 - t0)) -v hz="$HZ" -v L="$L" -v name="$name" 'BEGIN {
    split(a, x, " "); split(b, y, " "); n = y[1] - x[1]; r = y[2] - x[2]
    match(l, /requests=[0-9]+/); q = substr(l, RSTART + 9, RLENGTH - 9)
    match(l, /rps=[0-9.]+/); rps = substr(l, RSTART, RLENGTH)
    match(l, /p99_ms=[0-9.]+/); p99 = substr(l, RSTART, RLENGTH)
    printf "%s %s %s %s commits=%d requests_per_commit=%.1f hub_cpu_us_per_req=%.1f\n", L, name, rps, p99, n,
      (n > 0 ? r / n : 0), (q > 0 ? 1e6 * t / hz / q : 0) }'
}
for _ in 1 2 3; do
  webhooks "$D/warm.txt" 20 > /dev/null; drain; ping_run 15 > /dev/null
done
W=$(measure closed-loop webhooks "$D/measure.txt" 20); echo "$W"
drain
P=$(measure ping ping_run 15); echo "$P"
measure "paced-$RATE/s" paced
rps() { sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$1"; }
echo "$L ratio $(awk -v w="$(rps "$W")" -v p="$(rps "$P")" 'BEGIN { printf "%.1f %%", 100 * w / p }')"
