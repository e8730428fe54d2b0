#!/usr/bin/env bash
# How the H2 journal file grows under webhook load, and what keeping it compact costs.
#
#   bench/journal-file.sh JAR LABEL [JAVA-OPTION ...]     e.g. -Dswitchboard.journal.compaction.enabled=false
#
# A fresh hub (bench/fresh-hub.sh), then BENCH_ROUNDS (default 6) rounds of BENCH_ROUND_S (default 20)
# seconds of mixed webhooks (unique requests; wrk closed loop over 128 connections, or with
# BENCH_RATE=N paced at N requests/s over 64 connections by bench/paced.lua), each followed by the
# drain of its backlog. After each round it prints the events taken so far, the journal file's size
# on disk, the live share of its chunks (switchboard.journal.file.fill, when the hub publishes it),
# the longest forced write of the file in the last two minutes (switchboard.journal.file.sync),
# the round's latency p99 and the hub's CPU per webhook and per drained row in that round.
# Alternate the variants: runs differ by several percent.
set -euo pipefail
JAR=$(realpath "${1:?usage: bench/journal-file.sh JAR LABEL [JAVA-OPTION ...]}")
L=${2:?usage: bench/journal-file.sh JAR LABEL [JAVA-OPTION ...]}
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/fresh-hub.sh journal-file
ROUNDS=${BENCH_ROUNDS:-6}
SECS=${BENCH_ROUND_S:-20}
if [[ -n ${BENCH_RATE:-} ]]; then LOAD=(-c64 -s bench/paced.lua); else LOAD=(-c128 -s bench/requests.lua); fi
fresh_hub "$JAR" "$@"
echo "$L ready $READY_MS ms (options: -Xmx256m $*)"
HZ=$(getconf CLK_TCK)
SENT=0
for r in $(seq 1 "$ROUNDS"); do
  # each round's requests just before it: udesk's signed Timestamp is valid for 10 minutes
  java bench/GenRequests.java "$D/requests.txt" $(( SECS * ${BENCH_RATE:-17500} * 11 / 10 )) mixed $(( 20 + r )) > /dev/null
  T0=$(hub_ticks)
  LINE=$(BENCH_REQUESTS="$D/requests.txt" BENCH_THREADS=1 wrk -t1 -d"$SECS"s --timeout 10s "${LOAD[@]}" "$BASE/" | grep '^BENCH')
  N=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$LINE")
  if ! grep -q ' non2xx=0 connect_err=0 read_err=0 write_err=0 timeout_err=0 wraps=0' <<<"$LINE"; then
    echo "$L round $r: not every request answered 2xx once: $LINE" >&2; exit 1
  fi
  T1=$(hub_ticks); ROWS=$(printf '%.0f' "$(pending)")
  drain
  T2=$(hub_ticks); SENT=$(( SENT + N ))
  awk -v l="$L" -v r="$r" -v n="$N" -v sent="$SENT" -v rows="$ROWS" -v secs="$SECS" -v p99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$LINE")" -v bytes="$(stat -c %s "$D/data/journal.mv.db")" \
      -v fill="$(metric switchboard.journal.file.fill)" -v sync="$(metric switchboard.journal.file.sync || true)" -v tw="$(( T1 - T0 ))" -v td="$(( T2 - T1 ))" -v hz="$HZ" 'BEGIN {
    printf "%s round=%d webhooks=%d rps=%.0f p99_ms=%s total=%d file_mb=%.0f kb_per_event=%.2f fill=%s sync_max_ms=%s hub_cpu_us_per_webhook=%.1f hub_cpu_us_per_row=%.1f\n",
      l, r, n, n / secs, p99, sent, bytes / 1048576, bytes / 1024 / sent, fill, (sync == "" ? "-" : sprintf("%.1f", sync * 1000)), 1e6 * tw / hz / n, (rows > 0 ? 1e6 * td / hz / rows : 0) }'
done
# H2 reuses or rewrites a chunk only once it is older than its retention time (45 s): look again
# after BENCH_IDLE_S (default 60) seconds without load.
T0=$(hub_ticks); sleep "${BENCH_IDLE_S:-60}"
awk -v l="$L" -v bytes="$(stat -c %s "$D/data/journal.mv.db")" -v fill="$(metric switchboard.journal.file.fill)" \
    -v t="$(( $(hub_ticks) - T0 ))" -v hz="$HZ" -v idle="${BENCH_IDLE_S:-60}" 'BEGIN {
  printf "%s idle_s=%d file_mb=%.0f fill=%s hub_cpu_s=%.2f\n", l, idle, bytes / 1048576, fill, t / hz }'
