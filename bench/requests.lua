-- wrk script: replays a file written by GenRequests.java (env BENCH_REQUESTS), one request per
-- line: METHOD \t PATH \t CONTENT-TYPE|- \t "Name: value"|- \t BODY|-.
-- Thread k of N sends lines k, k+N, k+2N, ... so no request is sent twice while the file lasts;
-- done() reports how many times a thread had to wrap around (then requests repeat) and the
-- latency percentiles in machine-readable form (BENCH lines).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("BENCH_REQUESTS")
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  reqs = {}
  local i = 0
  for l in io.lines(file) do
    if i % nthreads == tid then
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
    i = i + 1
  end
  idx = 0
  wraps = 0
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
  local wraps_total = 0
  for _, t in ipairs(threads) do
    wraps_total = wraps_total + (t:get("wraps") or 0)
  end
  local s = summary.duration / 1e6
  -- a script that loads this one may define bench_extra(threads) to add fields to the line
  local extra = bench_extra and bench_extra(threads) or ""
  io.write(string.format("BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f"
      .. " non2xx=%d connect_err=%d read_err=%d write_err=%d timeout_err=%d wraps=%d%s\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.timeout, wraps_total, extra))
end
