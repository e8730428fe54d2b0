#!/usr/bin/env bash
# Where a running hub's threads are, by sampling their stacks with jstack (see BENCHMARKS.md):
#
#   bench/stacks.sh PID [SAMPLES] [THREAD-PREFIX] [DEPTH]     e.g. bench/stacks.sh 1234 25 http-nio
#
# Takes SAMPLES (25) thread dumps 0.3 s apart while you load the hub (bench/run.sh, wrk, ...), then
# prints, for the threads whose name starts with THREAD-PREFIX (http-nio): their states, the top
# DEPTH (1) frames of the RUNNABLE ones that are not waiting on a socket, and every method by how
# many samples it is on the stack. jstack stops the JVM at a safepoint, so frames are
# safepoint-biased; on this project's 2-vCPU machines JFR's own sampler slowed the hub to a half or
# less, which jstack at this rate does not. Bounded: SAMPLES dumps, then it stops.
set -euo pipefail
PID=${1:?usage: bench/stacks.sh PID [SAMPLES] [THREAD-PREFIX] [DEPTH]}
SAMPLES=${2:-25}
PREFIX=${3:-http-nio}
DEPTH=${4:-1}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
for i in $(seq 1 "$SAMPLES"); do
  jstack "$PID" > "$DIR/js.$i" 2>/dev/null || true
  sleep 0.3
done
python3 - "$DIR" "$PREFIX" "$DEPTH" <<'PY'
import collections, glob, re, sys
folder, prefix, depth = sys.argv[1], sys.argv[2], int(sys.argv[3])
states, top, incl, runnable = collections.Counter(), collections.Counter(), collections.Counter(), 0
for path in glob.glob(folder + '/js.*'):
    for block in open(path).read().split('\n\n'):
        lines = block.strip().split('\n')
        if not lines or not lines[0].startswith('"' + prefix):
            continue
        m = re.search(r'java.lang.Thread.State: (\S+)', block)
        frames = [re.sub(r'\(.*\)', '', l.strip()[3:]) for l in lines if l.strip().startswith('at ')]
        if not frames:
            continue
        state = m.group(1) if m else '?'
        if state == 'RUNNABLE' and any(w in frames[0] for w in ('EPoll', 'socketRead', 'Net.poll', 'Net.accept', 'read0')):
            state = 'RUNNABLE (socket)'
        states[state] += 1
        if state != 'RUNNABLE':
            continue
        runnable += 1
        top[' <- '.join(frames[:depth])] += 1
        for f in dict.fromkeys(frames):
            incl[f] += 1
print('thread states:', dict(states))
print(f'top frames of {runnable} runnable samples:')
for k, c in top.most_common(25):
    print(f'{c:5d} {k}')
print('methods on the stack (samples):')
for k, c in incl.most_common(80):
    print(f'{c:5d} {k}')
PY
