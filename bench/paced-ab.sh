#!/usr/bin/env bash
# The steady-load A/B of BENCHMARKS.md ("The processor's linger, measured by hand"), ≈ 4 min per jar:
#
#   bench/paced-ab.sh JAR LABEL [JAVA-OPTION ...]     e.g. bench/paced-ab.sh /tmp/before.jar before
#
# Starts JAR on a fresh hub as bench/ab.sh does (bench/fresh-hub.sh: BENCH_JAVA or java, -Xmx256m, profile "bench", empty data/, this
# checkout's config/routes/connectors), runs 4 warm-up rounds of 20 s of mixed webhooks + 10 s of
# ping, waits for the inbox backlog to drain, then sends BENCH_RATE (1000) events/s for 30 s with
# bench/paced.lua over 64 connections on a freshly generated file (udesk signatures are only valid
# for 10 minutes, so files are never reused), and prints wrk's BENCH line and the hub's per-thread
# CPU over 20 s of that load (bench/threads.sh, from its 5th second). Run it for two jars one after
# the other on a quiet box.
set -euo pipefail
JAR=$(realpath "${1:?usage: bench/paced-ab.sh JAR LABEL [JAVA-OPTION ...]}")
L=${2:?usage: bench/paced-ab.sh JAR LABEL [JAVA-OPTION ...]}
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RATE=${BENCH_RATE:-1000}
source bench/fresh-hub.sh paced
java bench/GenRequests.java "$D/warm.txt" 200000 mixed 11 > /dev/null
fresh_hub "$JAR" "$@"
for r in 1 2 3 4; do
  echo "$L warm-up $r webhooks $(BENCH_REQUESTS=$D/warm.txt wrk -t1 -c128 -d20s --timeout 10s -s bench/requests.lua "$BASE/" | grep '^BENCH')"
  wrk -t1 -c128 -d10s -s bench/ping.lua "$BASE/bench/ping" > /dev/null
done
for _ in $(seq 1 600); do p=$(pending); [[ ${p%.*} -lt 10 ]] && break; sleep 1; done
echo "$L drained, pending $(pending)"
java bench/GenRequests.java "$D/paced.txt" 100000 mixed 12 > /dev/null
( sleep 5; bench/threads.sh "$HUB_PID" 20 > "$D/threads.txt" 2>&1 ) &
THREADS_PID=$!
BENCH_REQUESTS=$D/paced.txt BENCH_RATE=$RATE wrk -t1 -c64 -d30s --timeout 10s -s bench/paced.lua "$BASE/" | grep '^BENCH' | sed "s/^/$L paced $RATE\/s /"
wait "$THREADS_PID" || true
sed "s/^/$L /" "$D/threads.txt"
echo "$L pending after the paced load: $(pending)"
