-- wrk script: ticket creates the way an outside integrator sends them.
-- Every request carries a bearer token (TICKETGRAINS_TOKEN), a unique Idempotency-Key, a Chinese subject and
-- body with an order number, and one of WRK_CUSTOMERS distinct customers (default 5000).
-- deploy/local/wrk-bench.sh runs it; by hand: TICKETGRAINS_TOKEN=... wrk -t2 -c64 -d20s -s create-tickets.lua http://127.0.0.1:5080

local token = os.getenv("TICKETGRAINS_TOKEN") or error("TICKETGRAINS_TOKEN is not set")
local customers = tonumber(os.getenv("WRK_CUSTOMERS") or "5000")
local run = os.getenv("WRK_RUN") or tostring(os.time())

local subjects = {
  "快递三天没动，什么时候能到", "收到的商品有破损，申请退货", "尺码不合适，想换大一号",
  "双十一订单还没发货", "退款什么时候到账", "发票抬头写错了", "优惠券没有抵扣成功",
  "物流显示已签收但我没收到", "商品和描述不一致", "想修改收货地址",
}
local categories = { "logistics", "return", "exchange", "order", "refund", "general", "order", "logistics", "complaint", "order" }
local channels = { "wechat", "web", "app", "douyin", "email" }
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919)
  counter = 0
  created, conflicts, throttled, unavailable, other = 0, 0, 0, 0, 0
end

local function order_number()
  -- Taobao-style 18/19-digit order numbers: the auto-fill issue's extractors see realistic text.
  return string.format("%d%09d%09d", math.random(1, 4), math.random(0, 999999999), math.random(0, 999999999))
end

function request()
  counter = counter + 1
  local n = math.random(1, #subjects)
  local customer = math.random(1, customers)
  local order = order_number()
  local body = string.format(
    '{"channel":"%s","customer":{"externalId":"wrk-customer-%d","name":"顾客%d"},' ..
    '"subject":"%s","body":"订单号 %s，%s。麻烦尽快处理，谢谢！","category":"%s","fields":{"orderNo":"%s"}}',
    channels[(customer % #channels) + 1], customer, customer, subjects[n], order, subjects[n], categories[n], order)
  return wrk.format("POST", "/api/v1/tickets", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("%s-%d-%d", run, id, counter),
  }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 409 then conflicts = conflicts + 1
  elseif status == 429 then throttled = throttled + 1
  elseif status == 503 then unavailable = unavailable + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = { created = 0, conflicts = 0, throttled = 0, unavailable = 0, other = 0 }
  for _, t in ipairs(threads) do
    for k, _ in pairs(totals) do totals[k] = totals[k] + (t:get(k) or 0) end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("WRK created=%d conflicts=%d throttled=%d unavailable=%d other=%d socket_errors=%d seconds=%.2f " ..
    "creates_per_s=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    totals.created, totals.conflicts, totals.throttled, totals.unavailable, totals.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, seconds,
    totals.created / seconds, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
