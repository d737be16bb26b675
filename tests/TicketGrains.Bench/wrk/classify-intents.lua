-- wrk script: POST /api/v1/intents/classify with a bearer token (TICKETGRAINS_TOKEN) and a rotating set of Chinese,
-- English and mixed messages (none of them training lines). deploy/local/intent-bench.sh runs it; by hand:
--   TICKETGRAINS_TOKEN=... wrk -t1 -c4 -d20s --latency -s classify-intents.lua http://127.0.0.1:5183

local token = os.getenv("TICKETGRAINS_TOKEN") or error("TICKETGRAINS_TOKEN is not set")

local texts = {
  "我的包裹到哪了？订单 3921847562019384", "快递显示签收了但是家里没人收到啊", "申请退款五天了还没到账",
  "衣服大了想换小一码", "发票抬头开错了，麻烦重开", "付款一直失败，提示银行卡异常", "我要投诉你们的客服",
  "where is my parcel, it's been a week", "I want to cancel order 88213", "how do I change my delivery address",
  "refund 还没到账 急", "转人工!!!", "忘记密码登录不了", "双11的定金能退吗", "东西很好 给个好评",
}
local counter = 0

function request()
  counter = counter + 1
  local body = string.format('{"text":"%s"}', texts[(counter % #texts) + 1])
  return wrk.format("POST", "/api/v1/intents/classify",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
end
