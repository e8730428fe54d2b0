-- wrk script for bench/nodered.sh: unique Telphin hang-up events (the ones a CRM flow logs), the
-- same query shape CrmBench sends the hub. NR_PREFIX keeps call ids apart between runs.
local n = 0
function setup(thread) thread:set("tid", n); n = n + 1 end
function init(args) prefix = os.getenv("NR_PREFIX") or "nr"; i = 0 end
function request()
  i = i + 1
  return wrk.format("GET", "/webhooks/telphin?EventType=hangup&CallID=" .. prefix .. tid .. "x" .. i
    .. "&CallerIDNum=%2B7916" .. string.format("%07d", i % 10000000)
    .. "&CalledDID=%2B74951234567&CallFlow=in&CallStatus=ANSWER&Duration=30000000&EventTime=1796662164140000")
end
