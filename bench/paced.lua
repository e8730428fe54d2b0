-- wrk script: a fixed request rate (env BENCH_RATE, requests/s over all connections of a thread;
-- run wrk with -t1), replaying a file written by GenRequests.java (env BENCH_REQUESTS) like
-- requests.lua. Sends are paced on one schedule: request i is due at start + i/rate, and a
-- connection that is free waits for the next due time (wrk's delay()). A send can only be late
-- when every connection is waiting for an answer, i.e. when the hub is not keeping up; such
-- sends are counted (late, late_max_ms), and then the rate achieved falls below the target. wrk
-- measures latency from the send, so read it together with "late": with late=0 no request waited
-- for the hub before being sent, and the latency is the whole delay a vendor would see.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } sb_timespec;
int clock_gettime(int clk_id, sb_timespec *tp);
]]
local ts = ffi.new("sb_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("BENCH_REQUESTS")
  rate = tonumber(os.getenv("BENCH_RATE") or "1000")
  interval = 1000 / rate
  reqs = {}
  for l in io.lines(file) do
    local m, p, ct, h, b = l:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    if ct ~= "-" then headers["Content-Type"] = ct end
    if h ~= "-" then
      local hn, hv = h:match("^([^:]+):%s*(.*)$")
      headers[hn] = hv
    end
    if b == "-" then b = nil end
    reqs[#reqs + 1] = wrk.format(m, p, headers, b)
  end
  idx = 0
  wraps = 0
  late = 0
  late_max = 0
  due = nil
end

function delay()
  local now = now_ms()
  if due == nil then due = now end
  due = due + interval
  local wait = due - now
  if wait < -1 then
    late = late + 1
    if -wait > late_max then late_max = -wait end
  end
  return math.max(0, math.floor(wait))
end

function request()
  idx = idx + 1
  if idx > #reqs then
    idx = 1
    wraps = wraps + 1
  end
  return reqs[idx]
end

function done(summary, latency, requests)
  local wraps_total, late_total, late_max_all = 0, 0, 0
  for _, t in ipairs(threads) do
    wraps_total = wraps_total + (t:get("wraps") or 0)
    late_total = late_total + (t:get("late") or 0)
    late_max_all = math.max(late_max_all, t:get("late_max") or 0)
  end
  local s = summary.duration / 1e6
  io.write(string.format("BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f"
      .. " non2xx=%d connect_err=%d read_err=%d write_err=%d timeout_err=%d wraps=%d late=%d late_max_ms=%.1f\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.timeout, wraps_total, late_total, late_max_all))
end
