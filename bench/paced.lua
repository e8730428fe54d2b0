-- wrk script: a fixed request rate (env BENCH_RATE, requests/s; run wrk with -t1 from the
-- repository root), replaying a file written by GenRequests.java (env BENCH_REQUESTS) through
-- bench/requests.lua. Sends are paced on one schedule: request i is due at start + i/rate, and a
-- connection that is free waits for the next due time (wrk's delay()). A send can only be late
-- when every connection is waiting for an answer, i.e. when the hub is not keeping up; such sends
-- are counted (late, late_max_ms), and then the rate achieved falls below the target. wrk measures
-- latency from the send, so read it together with "late": with late=0 no request waited for the
-- hub before being sent, and the latency is the whole delay a vendor would see.
dofile("bench/requests.lua") -- setup, init (the request file), request, done

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

local load_requests = init
function init(args)
  load_requests(args)
  interval = 1000 / tonumber(os.getenv("BENCH_RATE") or "1000")
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

function bench_extra(threads)
  local late_total, late_max_all = 0, 0
  for _, t in ipairs(threads) do
    late_total = late_total + (t:get("late") or 0)
    late_max_all = math.max(late_max_all, t:get("late_max") or 0)
  end
  return string.format(" late=%d late_max_ms=%.1f", late_total, late_max_all)
end
