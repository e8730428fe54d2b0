#!/usr/bin/env bash
# Quick A/B of two builds on the same box (≈ 3.5 min per jar; see BENCHMARKS.md):
#
#   bench/ab.sh JAR LABEL        e.g. bench/ab.sh /tmp/before.jar before; bench/ab.sh target/switchboard-0.1.0-SNAPSHOT.jar after
#
# Starts JAR (-Xmx256m, profile "bench", fresh H2 journal, this checkout's config/routes/connectors),
# runs 3 warm-up rounds of 20 s of mixed webhooks + 15 s of ping with no pause between them (the
# processor's backlog is NOT drained in between, unlike bench/run.sh), then measures 20 s of webhooks
# and 15 s of ping, and prints the pending inbox rows at the end. The warm-up rounds replay one file,
# so rounds 2 and 3 repeat events (accepted and stored, then dropped as duplicates by the processor).
# Shorter and rougher than bench/run.sh: use it to compare builds run one after the other, not as
# the benchmark's figures.
set -euo pipefail
JAR=$(realpath "${1:?usage: bench/ab.sh JAR LABEL}")
L=${2:?usage: bench/ab.sh JAR LABEL}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
D=$(mktemp -d /tmp/switchboard-ab.XXXXXX)
HUB_PID=
cleanup() {
  if [[ -n $HUB_PID ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill "$HUB_PID"; for _ in $(seq 1 300); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
  fi
  rm -rf "$D"
}
trap cleanup EXIT
mkdir -p "$D/data"; cp -r config routes connectors "$D/"
java bench/GenRequests.java "$D/warm.txt" 200000 mixed 11 > /dev/null
( cd "$D" && exec java -Xmx256m -jar "$JAR" --spring.profiles.active=bench --server.port=$PORT > hub.log 2>&1 ) &
HUB_PID=$!
T0=$(date +%s%N)
for _ in $(seq 1 2400); do curl -sf -o /dev/null "$BASE/actuator/health" && break; kill -0 $HUB_PID || { echo "hub exited" >&2; exit 1; }; sleep 0.05; done
echo "$L ready $(( ($(date +%s%N) - T0) / 1000000 )) ms"
webhooks() { BENCH_REQUESTS=$1 BENCH_THREADS=1 wrk -t1 -c128 -d"$2"s --timeout 10s -s bench/requests.lua "$BASE/" | grep '^BENCH'; }
ping() { wrk -t1 -c128 -d"$1"s --timeout 10s -s bench/ping.lua "$BASE/bench/ping" | grep '^BENCH'; }
for r in 1 2 3; do
  echo "$L warm-up $r webhooks $(webhooks "$D/warm.txt" 20)"
  echo "$L warm-up $r ping $(ping 15)"
done
java bench/GenRequests.java "$D/measure.txt" 100000 mixed 12 > /dev/null
echo "$L MEASURE webhooks $(webhooks "$D/measure.txt" 20)"
echo "$L MEASURE ping $(ping 15)"
echo "$L pending inbox rows at the end: $(curl -sf "$BASE/actuator/metrics/switchboard.inbox.pending" | sed -E 's/.*"value":([0-9.E+-]+).*/\1/')"
