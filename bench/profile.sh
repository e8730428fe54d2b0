#!/usr/bin/env bash
# Where the inbox processor's time goes: a JFR profile of the hub draining a backlog.
#
#   bench/profile.sh        (from the repository root; needs java 17+, curl, wrk, python3)
#
# Starts the packaged hub (-Xmx256m, profile "bench", fresh H2 journal), pre-loads calls in
# progress, sends BENCH_SECONDS of mixed webhooks with wrk (the processor falls behind), then
# records JFR while the processor drains the backlog alone, and prints:
#   - per phase: webhooks/s under wrk, then the drain rate (rows/s) and the CPU per row;
#   - the CPU of each hub thread during phase 3's load and drain (from /proc, no profiler);
#   - JFR samples of the HTTP workers, Tomcat, the inbox writer and the inbox processor in phase 4,
#     by top frame and by the method they are in.
# Knobs: BENCH_PORT (18250), BENCH_PRELOAD (10000), BENCH_SECONDS (20), BENCH_JVM_OPTS.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-18250}
BASE=http://127.0.0.1:$PORT
PRELOAD=${BENCH_PRELOAD:-10000}
SECONDS_LOAD=${BENCH_SECONDS:-20}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m}
JAR=target/switchboard-0.1.0-SNAPSHOT.jar
[[ -f $JAR ]] || mvn -B -q -o package -DskipTests

RUN=bench/results/profile-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN/hub/data"
RUN_ABS=$ROOT/$RUN
for d in config routes connectors; do ln -s "$ROOT/$d" "$RUN/hub/$d"; done
echo "run directory: $RUN (load average $(cut -d' ' -f1-3 /proc/loadavg))"

HUB_PID=
cleanup() {
  if [[ -n $HUB_PID ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill "$HUB_PID"
    for _ in $(seq 1 300); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
fail() { echo "PROFILE FAILED: $*" >&2; exit 1; }
pending() {
  curl -sf "$BASE/actuator/metrics/switchboard.inbox.pending" \
    | sed -E 's/.*"value":([0-9.E+-]+).*/\1/' | xargs printf '%.0f'
}
thread_cpu_ms() {  # thread_cpu_ms NAME: user+system CPU of the hub's thread NAME so far, in ms
  local tid
  for tid in /proc/$JAVA_PID/task/*; do
    if [[ $(cat "$tid/comm" 2>/dev/null) == "$1" ]]; then
      awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "$tid/stat"; return
    fi
  done
  echo 0
}
threads_cpu() {  # threads_cpu FILE: "ticks name" of every hub thread
  local t
  for t in /proc/$JAVA_PID/task/*; do
    awk -v n="$(cat "$t/comm" 2>/dev/null)" '{print $14 + $15, n}' "$t/stat" 2>/dev/null
  done > "$1"
}
process_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$JAVA_PID/stat; }
drain() {  # waits (at most 900 s) until nothing is pending
  for _ in $(seq 1 1800); do [[ $(pending) == 0 ]] && return 0; sleep 0.5; done
  fail "backlog not drained within 900 s"
}

( cd "$RUN/hub" && exec java $JVM_OPTS -jar "$ROOT/$JAR" --spring.profiles.active=bench --server.port=$PORT > hub.log 2>&1 ) &
HUB_PID=$!
for _ in $(seq 1 3000); do curl -sf -o /dev/null "$BASE/actuator/health" && break; kill -0 $HUB_PID || fail "hub exited"; sleep 0.05; done
JAVA_PID=$HUB_PID

java bench/GenRequests.java "$RUN/preload.txt" "$PRELOAD" telphin 1
java bench/OpenLoop.java "$BASE" "$RUN/preload.txt" 0 64 > "$RUN/preload.out" || fail "preload: $(cat "$RUN/preload.out")"
drain
# Phases 2 and 3 warm the JIT and measure the drain's CPU per row; phase 4 records JFR over its
# load and drain (JFR itself costs CPU, so phase 4's figures read high).
thread_diff() {  # thread_diff BEFORE AFTER: CPU ms per hub thread name (digits folded) between two snapshots
  python3 - "$1" "$2" "$(getconf CLK_TCK)" <<'EOF'
import collections, re, sys
def load(path):
    d = collections.Counter()
    for line in open(path):
        ticks, _, name = line.strip().partition(" ")
        d[re.sub(r"\d+", "#", name)] += int(ticks)
    return d
a, b, hz = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
for name, ticks in (b - a).most_common(10):
    print(f"  {ticks * 1000 // hz:7d} ms  {name}")
EOF
}
for phase in 2 3 4; do
  java bench/GenRequests.java "$RUN/load$phase.txt" $(( 15000 * SECONDS_LOAD )) mixed $(( 10 + phase ))
  if [[ $phase == 4 ]]; then
    jcmd "$JAVA_PID" JFR.start name=drain settings=profile > /dev/null
  fi
  threads_cpu "$RUN/threads$phase.a.txt"
  BENCH_REQUESTS="$RUN/load$phase.txt" BENCH_THREADS=1 wrk -t1 -c128 -d"${SECONDS_LOAD}"s --timeout 10s \
    -s bench/requests.lua "$BASE/" > "$RUN/load$phase.wrk.txt" 2>&1 || fail "wrk failed"
  threads_cpu "$RUN/threads$phase.b.txt"
  rm -f "$RUN/load$phase.txt"
  BACKLOG=$(pending)
  T0=$(date +%s%N); C0=$(thread_cpu_ms inbox-processor); P0=$(process_cpu_ms)
  drain
  threads_cpu "$RUN/threads$phase.c.txt"
  MS=$(( ($(date +%s%N) - T0) / 1000000 )); C1=$(thread_cpu_ms inbox-processor); P1=$(process_cpu_ms)
  echo "phase $phase: webhooks $(sed -n 's/^Requests\/sec: *//p' "$RUN/load$phase.wrk.txt") req/s" \
    "($(grep -m1 'requests in' "$RUN/load$phase.wrk.txt" | awk '{print $1}') in ${SECONDS_LOAD} s);" \
    "backlog $BACKLOG rows drained in $MS ms ($(awk -v n="$BACKLOG" -v m="$MS" 'BEGIN{printf "%.0f", n*1000/(m>0?m:1)}') rows/s);" \
    "inbox-processor CPU $(awk -v c=$((C1 - C0)) -v n="$BACKLOG" 'BEGIN{printf "%.3f", c/n}') ms/row," \
    "hub CPU $(awk -v c=$((P1 - P0)) -v n="$BACKLOG" 'BEGIN{printf "%.3f", c/n}') ms/row (load average $(cut -d' ' -f1 /proc/loadavg))"
done
jcmd "$JAVA_PID" JFR.dump name=drain filename="$RUN_ABS/drain.jfr" > /dev/null
jcmd "$JAVA_PID" JFR.stop name=drain > /dev/null
# The same hub's trivial route, for comparison with phase 3's webhook load (same box conditions).
threads_cpu "$RUN/ping.a.txt"
wrk -t1 -c128 -d"${SECONDS_LOAD}"s --timeout 10s -s bench/ping.lua "$BASE/bench/ping" > "$RUN/ping.wrk.txt" 2>&1 || fail "wrk ping failed"
threads_cpu "$RUN/ping.b.txt"
echo "ping: $(sed -n 's/^Requests\/sec: *//p' "$RUN/ping.wrk.txt") req/s ($(grep -m1 'requests in' "$RUN/ping.wrk.txt" | awk '{print $1}') in ${SECONDS_LOAD} s)"
echo "hub threads' CPU during the ping load:"; thread_diff "$RUN/ping.a.txt" "$RUN/ping.b.txt"
echo "hub threads' CPU during phase 3's webhook load:"; thread_diff "$RUN/threads3.a.txt" "$RUN/threads3.b.txt"
echo "hub threads' CPU during phase 3's drain:"; thread_diff "$RUN/threads3.b.txt" "$RUN/threads3.c.txt"
echo "hub threads' CPU during phase 4's drain (JFR recording, which costs CPU itself):"; thread_diff "$RUN/threads4.b.txt" "$RUN/threads4.c.txt"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$RUN/drain.jfr" > "$RUN/samples.txt"
python3 - "$RUN/samples.txt" <<'EOF'
import collections, re, sys
text = open(sys.argv[1]).read()
groups = {"inbox-processor": "inbox-processor", "http-worker": "http-worker-", "http-nio": "http-nio-",
          "inbox-writer": "inbox-writer"}
top = {g: collections.Counter() for g in groups}
incl = {g: collections.Counter() for g in groups}
count, threads = collections.Counter(), collections.Counter()
WATCH = ("io.switchboard.", "org.apache.camel.", "org.h2.mvstore.tx.Transaction.commit", "org.h2.mvstore.MVStore.store",
         "com.fasterxml.jackson.databind.ObjectMapper.", "org.apache.catalina.", "org.apache.coyote.")
for block in text.split("jdk.ExecutionSample")[1:]:
    thread = re.search(r'sampledThread = "([^"]+)"', block)
    thread = thread.group(1) if thread else "?"
    threads[re.sub(r'-?\d+$', '', thread)] += 1
    group = next((g for g, prefix in groups.items() if thread.startswith(prefix)), None)
    frames = re.findall(r'^\s+([\w$.<>]+)\(', block, re.M)
    if group is None or not frames:
        continue
    count[group] += 1
    top[group][frames[0]] += 1
    for f in set(frames):
        if f.startswith(WATCH) and "$$" not in f and "lambda$" not in f:
            incl[group][f] += 1
print("samples by thread (phase 4 load and drain):", ", ".join(f"{t} {c}" for t, c in threads.most_common(8)))
for g in groups:
    n = count[g]
    if not n:
        continue
    print(f"\n{g}: {n} samples; top frames")
    for f, c in top[g].most_common(12):
        print(f"  {100*c/n:5.1f} %  {f}")
    print(f"{g}: inclusive share by method (Switchboard, Camel, H2 commit, Jackson, Tomcat)")
    for f, c in incl[g].most_common(30):
        print(f"  {100*c/n:5.1f} %  {f}")
EOF
