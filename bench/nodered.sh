#!/usr/bin/env bash
# The yardstick issue 3 names: "a Node-RED flow doing webhook -> map -> CRM POST, with no durability
# at all, does about 1,100/s on this machine". Measures that flow on this box, against the same nginx
# stub as bench/crm.sh BENCH_STUB=nginx (HubSpot-shaped, 201 after 5 ms), so the CRM figures can be
# compared on one machine (BENCHMARKS.md, "CRM delivery"):
#
#   bench/nodered.sh        (from the repository root; needs node + npm, wrk, nginx-light, libnginx-mod-http-echo)
#
# Installs Node-RED 4 (the line that runs on the Node.js 20 of these machines) with npm into a
# temporary directory, starts bench/nodered/flows.json (http in GET /webhooks/telphin -> function
# mapping the Telphin hang-up to a HubSpot call object -> http request POST to the stub -> http
# response 200 once the CRM answered), warms it for 20 s, then runs wrk for 30 s with 64
# connections of unique hang-ups and prints the CRM writes/s (the stub's log) and Node-RED's CPU.
# Knobs: NODERED_PORT (18070), BENCH_STUB_PORT (18090), BENCH_STUB_DELAY_MS (5), NODERED_VERSION (4).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export NODERED_PORT=${NODERED_PORT:-18070}
STUB_PORT=${BENCH_STUB_PORT:-18090}
for tool in node npm wrk nginx; do command -v $tool > /dev/null || { echo "missing $tool" >&2; exit 2; }; done
W=$(mktemp -d /tmp/switchboard-nodered.XXXXXX)
NODE_PID=
source bench/nginx-stub.sh
cleanup() {
  [[ -n $NODE_PID ]] && kill "$NODE_PID" 2>/dev/null || true
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
  [[ ${KEEP:-0} == 1 ]] || rm -rf "$W"
}
trap cleanup EXIT

( cd "$W" && npm install --no-audit --no-fund --loglevel=error "node-red@${NODERED_VERSION:-4}" > npm.log 2>&1 ) \
  || { echo "npm install node-red failed: $(tail -5 "$W/npm.log")" >&2; exit 1; }
mkdir -p "$W/user"
cp bench/nodered/flows.json bench/nodered/settings.js "$W/user/"
nginx_stub "$W/nginx" "$STUB_PORT" "${BENCH_STUB_DELAY_MS:-5}"
CRM_URL=http://127.0.0.1:$STUB_PORT/crm/v3/objects/calls \
  node "$W/node_modules/node-red/red.js" --settings "$W/user/settings.js" --userDir "$W/user" > "$W/node-red.log" 2>&1 &
NODE_PID=$!
BASE=http://127.0.0.1:$NODERED_PORT
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "$BASE/webhooks/telphin?EventType=hangup&CallID=probe&EventTime=1796662164140000" && break
  kill -0 "$NODE_PID" 2>/dev/null || { echo "Node-RED exited: $(tail -5 "$W/node-red.log")" >&2; exit 1; }
  sleep 0.1
done
grep -q 'properties' "$NGINX_LOG" || { echo "the flow wrote nothing to the stub" >&2; exit 1; }

run() {  # run PREFIX SECONDS -> wrk's output
  NR_PREFIX=$1 wrk -t1 -c64 -d"$2"s --timeout 10s --latency -s bench/nodered/hangups.lua "$BASE"
}
run warm 20 > /dev/null
lines0=$(wc -l < "$NGINX_LOG"); cpu0=$(awk '{print $14 + $15}' "/proc/$NODE_PID/stat")
out=$(run measure 30)
lines1=$(wc -l < "$NGINX_LOG"); cpu1=$(awk '{print $14 + $15}' "/proc/$NODE_PID/stat")
grep -qE 'Non-2xx|Socket errors' <<<"$out" && { echo "wrk saw errors:"; echo "$out"; exit 1; } >&2
echo "Node-RED $(node "$W/node_modules/node-red/red.js" --version 2>/dev/null | head -n 1 | sed 's/^Node-RED //') on Node.js $(node --version), $(nproc) cores"
echo "$out" | grep -E 'Requests/sec|50%|99%'
awk -v n=$(( lines1 - lines0 )) -v c=$(( cpu1 - cpu0 )) -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "BENCH nodered crm_writes_per_s=%.0f node_cpu_cores=%.2f\n", n / 30, c / hz / 30 }'
