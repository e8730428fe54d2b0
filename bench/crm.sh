#!/usr/bin/env bash
# CRM delivery benchmark, end to end (see BENCHMARKS.md "CRM delivery"):
#
#   bench/crm.sh            (from the repository root; needs java 17+ and curl)
#
# Starts the packaged hub (-Xmx256m, fresh H2 file journal = durable, profile "bench") with only
# bench/crm-route.yaml (durable call source, concurrency 32 → signed webhook sink), then
# bench/CrmBench.java, which is both the HubSpot-shaped stub (answers in BENCH_STUB_DELAY_MS, 5 ms)
# and the load: Telphin calls ring, then hang up; every ended call becomes one CRM write.
#   1. throughput: BENCH_CRM_CALLS (20,000) calls end as fast as the hub acknowledges → writes/s
#   2. lag: BENCH_LAG_RATE (200) calls/s end for BENCH_LAG_SECONDS (60) → call ended → CRM answered
# Knobs: BENCH_PORT, BENCH_STUB_PORT, BENCH_STUB_DELAY_MS, BENCH_CRM_CALLS, BENCH_LAG_RATE,
# BENCH_LAG_SECONDS, BENCH_CRM_CONCURRENCY, BENCH_JVM_OPTS, BENCH_BUILD=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-18080}
export BENCH_STUB_PORT=${BENCH_STUB_PORT:-18090}
STUB_DELAY_MS=${BENCH_STUB_DELAY_MS:-5}
CALLS=${BENCH_CRM_CALLS:-20000}
LAG_RATE=${BENCH_LAG_RATE:-200}
LAG_SECONDS=${BENCH_LAG_SECONDS:-60}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m}
JAR=target/switchboard-0.1.0-SNAPSHOT.jar
BASE=http://127.0.0.1:$PORT

if [[ ! -f $JAR || ${BENCH_BUILD:-0} == 1 ]]; then
  mvn -B -q -o package -DskipTests
fi
RUN=bench/results/crm-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN/hub/data"
for d in config connectors; do ln -s "$ROOT/$d" "$RUN/hub/$d"; done
mkdir -p "$RUN/hub/bench" && cp bench/crm-route.yaml "$RUN/hub/bench/"
echo "run directory: $RUN"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

HUB_PID=
cleanup() {
  if [[ -n $HUB_PID ]] && kill -0 "$HUB_PID" 2>/dev/null; then kill "$HUB_PID"; wait "$HUB_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

( cd "$RUN/hub" && exec java $JVM_OPTS -jar "$ROOT/$JAR" --spring.profiles.active=bench --server.port=$PORT \
    --camel.main.routes-include-pattern=file:bench/crm-route.yaml > hub.log 2>&1 ) &
HUB_PID=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/actuator/health" && break
  kill -0 "$HUB_PID" 2>/dev/null || { echo "hub exited, see $RUN/hub/hub.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "$BASE/actuator/health" || { echo "hub not ready" >&2; exit 1; }

# Warm-up (JIT): 3,000 calls end to end, not reported.
java bench/CrmBench.java "$BASE" "$BENCH_STUB_PORT" "$STUB_DELAY_MS" 3000 100 5 > "$RUN/warmup.txt"
java bench/CrmBench.java "$BASE" "$BENCH_STUB_PORT" "$STUB_DELAY_MS" "$CALLS" "$LAG_RATE" "$LAG_SECONDS" \
  | tee "$RUN/bench.txt"
DEAD=$(curl -sf "$BASE/api/v1/deliveries?subscription=crm-bench&status=DEAD&limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
PENDING=$(curl -sf "$BASE/api/v1/deliveries?subscription=crm-bench&status=PENDING&limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
{
  echo
  echo "== CRM delivery benchmark ($(date -u +%FT%TZ), $(nproc) cores, JVM $JVM_OPTS, stub ${STUB_DELAY_MS} ms) =="
  grep '^BENCH' "$RUN/bench.txt"
  echo "deliveries DEAD / PENDING after the runs: $DEAD / $PENDING"
  echo "load average at start / at end: $LOAD_START / $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RUN/summary.txt"
grep -q 'BENCH FAILED' "$RUN/bench.txt" && exit 1 || exit 0
