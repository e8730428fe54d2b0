#!/usr/bin/env bash
# Quick A/B of two builds on the same box (≈ 3.5 min per jar; see BENCHMARKS.md):
#
#   bench/ab.sh JAR LABEL        e.g. bench/ab.sh /tmp/before.jar before; bench/ab.sh target/switchboard-0.1.0-SNAPSHOT.jar after
#
# Starts JAR (bench/fresh-hub.sh: BENCH_JAVA or java, -Xmx256m, profile "bench", fresh H2 journal, this checkout's config/routes/connectors),
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
source bench/fresh-hub.sh ab
java bench/GenRequests.java "$D/warm.txt" 200000 mixed 11 > /dev/null
fresh_hub "$JAR"
echo "$L ready $READY_MS ms"
webhooks() { BENCH_REQUESTS=$1 BENCH_THREADS=1 wrk -t1 -c128 -d"$2"s --timeout 10s -s bench/requests.lua "$BASE/" | grep '^BENCH'; }
ping() { wrk -t1 -c128 -d"$1"s --timeout 10s -s bench/ping.lua "$BASE/bench/ping" | grep '^BENCH'; }
for r in 1 2 3; do
  echo "$L warm-up $r webhooks $(webhooks "$D/warm.txt" 20)"
  echo "$L warm-up $r ping $(ping 15)"
done
java bench/GenRequests.java "$D/measure.txt" 100000 mixed 12 > /dev/null
echo "$L MEASURE webhooks $(webhooks "$D/measure.txt" 20)"
echo "$L MEASURE ping $(ping 15)"
echo "$L pending inbox rows at the end: $(pending)"
