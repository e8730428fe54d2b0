#!/usr/bin/env bash
# FIAS link benchmark: postings per second through the real connector inside the hub over a local
# simulator link (one PS in flight: throughput = 1 / cycle time), with the simulated PMS answering
# at once, after 5 ms and after 20 ms; then the time the link needs to be UP again after a drop.
#
#   bench/pms/run.sh [postings=2000] [backoff-initial=1s] [drops=5]
#
# Results: target/bench-pms.md (a Markdown table, pasted into BENCHMARKS.md "## PMS (FIAS)").
set -euo pipefail
cd "$(dirname "$0")/../.."
POSTINGS="${1:-2000}"
BACKOFF="${2:-1s}"
DROPS="${3:-5}"
mvn -B -q -o test -Dtest=FiasLinkBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.postings="$POSTINGS" -Dbench.backoff="$BACKOFF" -Dbench.drops="$DROPS"
echo "--- target/bench-pms.md"
cat target/bench-pms.md
