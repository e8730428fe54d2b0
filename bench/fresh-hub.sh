# Sourced by bench/ab.sh, bench/paced-ab.sh, bench/commit-ab.sh and bench/journal-file.sh: one fresh hub in a temporary directory.
#
#   source bench/fresh-hub.sh NAME      (from the repository root) then: fresh_hub JAR [JAVA-OPTION ...]
#
# Sets PORT (BENCH_PORT, 18080), BASE, D (an empty directory with a copy of this checkout's config,
# routes and connectors, removed on exit), HUB_PID and READY_MS; fresh_hub starts JAR there on
# BENCH_JAVA (default java) with -Xmx256m and profile "bench" and waits for /actuator/health
# (at most 120 s). On exit the hub gets SIGTERM, then SIGKILL after 30 s. Also: metric NAME (a
# gauge or counter's value), pending, hub_ticks, drain.
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
D=$(mktemp -d "/tmp/switchboard-${1:-bench}.XXXXXX")
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
fresh_hub() {  # fresh_hub JAR [JAVA-OPTION ...]
  local jar=$1 t0 _; shift
  if curl -s -o /dev/null "$BASE/actuator/health"; then
    echo "something already answers on port $PORT (a hub left running?); set BENCH_PORT" >&2; exit 1
  fi
  t0=$(date +%s%N)
  ( cd "$D" && exec "${BENCH_JAVA:-java}" -Xmx256m "$@" -jar "$jar" --spring.profiles.active=bench --server.port=$PORT > hub.log 2>&1 ) &
  HUB_PID=$!
  for _ in $(seq 1 2400); do
    curl -sf -o /dev/null "$BASE/actuator/health" && { READY_MS=$(( ($(date +%s%N) - t0) / 1000000 )); return 0; }
    kill -0 $HUB_PID || { echo "hub exited, see $D/hub.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "hub not ready within 120 s" >&2; exit 1
}
metric() { curl -sf "$BASE/actuator/metrics/$1" | sed -E 's/.*"value":([0-9.E+-]+).*/\1/'; }
pending() { metric switchboard.inbox.pending; }
hub_ticks() { awk '{print $14 + $15}' "/proc/$HUB_PID/stat"; }  # the hub's CPU time so far, in clock ticks
drain() {  # until no inbox row is pending (at most 600 s)
  local _
  for _ in $(seq 1 1200); do
    [[ $(printf '%.0f' "$(pending)") == 0 ]] && return 0
    sleep 0.5
  done
  echo "${L:-} backlog not drained within 600 s" >&2; exit 1
}
