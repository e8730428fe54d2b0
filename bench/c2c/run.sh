#!/usr/bin/env bash
# Click-to-call and live-feed benchmark (issue 5, point 7; see BENCHMARKS.md "Click-to-call and live feed"):
#
#   bench/c2c/run.sh        (from anywhere; needs java 17+, curl and the local Maven repository)
#
# Starts WireMock standalone (the wiremock-standalone jar from ~/.m2) with bench/c2c/stub/mappings:
# every vendor API answering as documented after 5 ms (Telphin OAuth2 + callback, CALLR JSON-RPC
# apps.create + clicktocall/calls.start_2, udesk originatev2, Keyyo makecall.html with its Digest
# challenge). Starts the packaged hub (-Xmx256m, profile bench, fresh H2 file journal) with every
# demo source's API pointed at the stub and one API key whose rate limit (1,000,000/s) is never the
# bottleneck. Then, in the same hub:
#   1. click-to-call, closed loop, BENCH_C2C_CONCURRENCY callers, BENCH_C2C_SECONDS per vendor
#      (telphin, callr, udesk) and mixed → req/s, p50/p99 (after a warm-up, not reported)
#   2. Keyyo: BENCH_KEYYO_CALLS calls on one line at once → when each is answered (1 call/s/line)
#   3. live feed: BENCH_LIVE_CLIENTS websockets on /api/v1/live, Telphin webhooks at each rate of
#      BENCH_LIVE_RATES for BENCH_LIVE_SECONDS → events/s delivered to every client, p99 latency;
#      then the first rate with 1 client (control: what the ingest alone allows)
# Bounded: every phase has its own time limit, the whole run takes ≈ 2.5 min; the script kills
# the hub and WireMock it started on any exit. Exit 1 if any phase saw an error.
# Knobs: BENCH_PORT, BENCH_STUB_PORT, BENCH_JVM_OPTS, BENCH_BUILD=1, BENCH_SKIP_C2C=1 (live feed only),
# and the BENCH_* above.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-18180}
STUB_PORT=${BENCH_STUB_PORT:-18191}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m}
C2C_SECONDS=${BENCH_C2C_SECONDS:-15}
C2C_CONCURRENCY=${BENCH_C2C_CONCURRENCY:-32}
KEYYO_CALLS=${BENCH_KEYYO_CALLS:-5}
LIVE_CLIENTS=${BENCH_LIVE_CLIENTS:-100}
LIVE_RATES=${BENCH_LIVE_RATES:-200 1000}
LIVE_SECONDS=${BENCH_LIVE_SECONDS:-15}
JAR=target/switchboard-0.1.0-SNAPSHOT.jar
WIREMOCK=${BENCH_WIREMOCK_JAR:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar}
BASE=http://127.0.0.1:$PORT
KEY=sb_bench_c2c_key_0000000000
TELPHIN_TOKEN=bench-telphin-token-0000
BENCH=bench/c2c/C2cBench.java

for tool in java curl; do command -v $tool >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
[[ -f $WIREMOCK ]] || { echo "missing $WIREMOCK (mvn dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2)" >&2; exit 2; }
if [[ ! -f $JAR || ${BENCH_BUILD:-0} == 1 ]]; then
  mvn -B -q -o package -DskipTests
fi

RUN=bench/results/c2c-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN/hub/data" "$RUN/stub"
for d in config routes connectors; do ln -s "$ROOT/$d" "$RUN/hub/$d"; done
cp -r bench/c2c/stub/mappings "$RUN/stub/"
echo "run directory: $RUN"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

HUB_PID= STUB_PID= CLIENT_PID=
stop() {  # stop PID: SIGTERM, SIGKILL after 20 s
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() { stop "$CLIENT_PID"; stop "$HUB_PID"; stop "$STUB_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "BENCH FAILED: $*" >&2; exit 1; }
port_free() {  # port_free PORT: fails if something already listens there (another hub on a shared box)
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" || fail "port $1 is in use: set BENCH_PORT / BENCH_STUB_PORT"
}
wait_http() {  # wait_http URL PID WHAT: at most 120 s
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || fail "$3 exited, see $RUN"
    sleep 0.2
  done
  fail "$3 not ready within 120 s"
}
bounded() {  # bounded SECONDS command...: the command, killed if it outlives SECONDS. It runs in the
  # background and the script waits for it, so a signal to the script stops it at once (cleanup).
  local rc=0
  timeout --kill-after=10 "$@" &
  CLIENT_PID=$!
  wait "$CLIENT_PID" || rc=$?
  CLIENT_PID=
  return $rc
}

port_free "$PORT"
port_free "$STUB_PORT"

# --- vendor stub: WireMock standalone, no request journal (it would grow with every request) --------
( cd "$RUN/stub" && exec java -Xmx256m -jar "$WIREMOCK" --port "$STUB_PORT" --bind-address 127.0.0.1 \
    --root-dir . --no-request-journal --disable-banner --container-threads 100 > wiremock.log 2>&1 ) &
STUB_PID=$!
wait_http "http://127.0.0.1:$STUB_PORT/__admin/mappings" "$STUB_PID" "WireMock"
STUB=http://127.0.0.1:$STUB_PORT

# --- the hub: every demo source's API at the stub, one key without a practical rate limit --------
(
  cd "$RUN/hub"
  export SWITCHBOARD_VENDOR_READ_TIMEOUT=10s TELPHIN_TOKEN
  export KEYYO_API_URL=$STUB KEYYO_SIP_LOGIN=33100000001 KEYYO_SIP_PASSWORD=bench-sip-password
  export CALLR_API_URL=$STUB CALLR_LOGIN=bench CALLR_PASSWORD=bench-callr-password
  export TELPHIN_API_URL=$STUB TELPHIN_CLIENT_ID=bench TELPHIN_CLIENT_SECRET=bench-telphin-secret
  export UDESK_API_URL=$STUB UDESK_SID=bench-udesk-sid UDESK_AUTH_TOKEN=bench-udesk-token
  exec java $JVM_OPTS -jar "$ROOT/$JAR" --spring.profiles.active=bench --server.port=$PORT \
    --switchboard.api.keys[0].id=bench --switchboard.api.keys[0].key=$KEY \
    --switchboard.api.keys[0].scopes[0]=admin \
    --switchboard.api.keys[0].requests-per-second=1000000 --switchboard.api.keys[0].burst=1000000 \
    --switchboard.click-to-call.unconfirmed-timeout=0 \
    > hub.log 2>&1
) &
HUB_PID=$!
wait_http "$BASE/actuator/health" "$HUB_PID" "hub"
JAVA_CMD="java -Xmx512m $BENCH"

# --- 1. click-to-call -----------------------------------------------------------------------------
if [[ ${BENCH_SKIP_C2C:-0} != 1 ]]; then
bounded 60 $JAVA_CMD c2c "$BASE" "$KEY" mixed 15 "$C2C_CONCURRENCY" > "$RUN/c2c-warmup.txt" \
  || fail "click-to-call warm-up: $(cat "$RUN/c2c-warmup.txt")"
echo "warm-up: $(grep '^BENCH' "$RUN/c2c-warmup.txt")"
for v in telphin callr udesk mixed; do
  bounded $((C2C_SECONDS + 90)) $JAVA_CMD c2c "$BASE" "$KEY" $v "$C2C_SECONDS" "$C2C_CONCURRENCY" \
    > "$RUN/c2c-$v.txt" || fail "click-to-call $v: $(cat "$RUN/c2c-$v.txt")"
  grep '^BENCH' "$RUN/c2c-$v.txt"
done

# --- 2. Keyyo: one line, one call per second --------------------------------------------------------
bounded 120 $JAVA_CMD keyyo "$BASE" "$KEY" "$KEYYO_CALLS" > "$RUN/keyyo.txt" || fail "keyyo: $(cat "$RUN/keyyo.txt")"
grep '^BENCH' "$RUN/keyyo.txt"
fi

# --- 3. live feed fan-out ------------------------------------------------------------------------------
bounded 120 $JAVA_CMD live "$BASE" "$KEY" "$TELPHIN_TOKEN" "$LIVE_CLIENTS" 200 5 1 > "$RUN/live-warmup.txt" \
  || fail "live warm-up: $(cat "$RUN/live-warmup.txt")"
echo "live warm-up: $(grep '^BENCH' "$RUN/live-warmup.txt")"
phase=10
for rate in $LIVE_RATES; do
  bounded $((2 * LIVE_SECONDS + 200)) $JAVA_CMD live "$BASE" "$KEY" "$TELPHIN_TOKEN" "$LIVE_CLIENTS" "$rate" \
    "$LIVE_SECONDS" $phase > "$RUN/live-$rate.txt" || fail "live $rate/s: $(cat "$RUN/live-$rate.txt")"
  grep '^BENCH' "$RUN/live-$rate.txt"
  phase=$((phase + 1))
done
# control: the first rate with one client, to tell the fan-out's cost from the ingest's
CONTROL_RATE=${LIVE_RATES%% *}
bounded $((2 * LIVE_SECONDS + 200)) $JAVA_CMD live "$BASE" "$KEY" "$TELPHIN_TOKEN" 1 "$CONTROL_RATE" \
  "$LIVE_SECONDS" 20 > "$RUN/live-control.txt" || fail "live control: $(cat "$RUN/live-control.txt")"
grep '^BENCH' "$RUN/live-control.txt"

f() { sed -E "s/.* $1=([^ ]+).*/\1/" "$2"; }
{
  echo
  echo "== Click-to-call and live feed ($(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), JVM $JVM_OPTS, stub 5 ms) =="
  for v in telphin callr udesk mixed; do
    [[ -f $RUN/c2c-$v.txt ]] || continue
    printf '%-44s %s req/s, p50 %s ms, p99 %s ms\n' "click-to-call $v ($C2C_CONCURRENCY callers)" \
      "$(f rps "$RUN/c2c-$v.txt")" "$(f p50_ms "$RUN/c2c-$v.txt")" "$(f p99_ms "$RUN/c2c-$v.txt")"
  done
  [[ -f $RUN/keyyo.txt ]] && printf '%-44s answered at %s s\n' "click-to-call keyyo ($KEYYO_CALLS at once, 1 line)" "$(f answered_at_s "$RUN/keyyo.txt")"
  for rate in $LIVE_RATES; do
    printf '%-44s sent %s/s (%s unsent), %s events/s to all, p50 %s ms, p99 %s ms, max %s ms\n' \
      "live feed $rate/s x $LIVE_CLIENTS clients" "$(f sent_rps "$RUN/live-$rate.txt")" "$(f unsent "$RUN/live-$rate.txt")" \
      "$(f delivered_events_per_s "$RUN/live-$rate.txt")" \
      "$(f p50_ms "$RUN/live-$rate.txt")" "$(f p99_ms "$RUN/live-$rate.txt")" "$(f max_ms "$RUN/live-$rate.txt")"
  done
  printf '%-44s sent %s/s (%s unsent), %s events/s to all, p50 %s ms, p99 %s ms, max %s ms\n' \
    "live feed $CONTROL_RATE/s x 1 client (control)" "$(f sent_rps "$RUN/live-control.txt")" "$(f unsent "$RUN/live-control.txt")" \
    "$(f delivered_events_per_s "$RUN/live-control.txt")" \
    "$(f p50_ms "$RUN/live-control.txt")" "$(f p99_ms "$RUN/live-control.txt")" "$(f max_ms "$RUN/live-control.txt")"
  echo "load average at start / at end: $LOAD_START / $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RUN/summary.txt"
