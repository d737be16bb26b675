-- wrk script: GET /api/v1/tickets/{id} once for every id in WRK_IDS (one per line), split between the threads; each
-- thread stops when its share is read. A read activates the ticket's grain (deploy/local/state-bench.sh uses it to
-- bring every open ticket into memory). Needs TICKETGRAINS_TOKEN.

local token = os.getenv("TICKETGRAINS_TOKEN") or error("TICKETGRAINS_TOKEN is not set")
local file = os.getenv("WRK_IDS") or error("WRK_IDS is not set")
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  ids, next_id = {}, 1
  ok, missing, other = 0, 0, 0
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    if n % threads_count() == id - 1 then table.insert(ids, line) end
  end
end

function threads_count()
  return tonumber(os.getenv("WRK_THREADS") or "2")
end

function request()
  local ticket = ids[next_id]
  if ticket == nil then
    wrk.thread:stop()
    ticket = ids[1]
  end
  next_id = next_id + 1
  return wrk.format("GET", "/api/v1/tickets/" .. ticket, { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 404 then missing = missing + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = { ok = 0, missing = 0, other = 0 }
  for _, t in ipairs(threads) do
    for k, _ in pairs(totals) do totals[k] = totals[k] + (t:get(k) or 0) end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("WRK read=%d missing=%d other=%d seconds=%.2f reads_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    totals.ok, totals.missing, totals.other, seconds, totals.ok / seconds,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
end
