-- wrk script for the plain intake rate over HTTP (see docs/benchmarks.md, "Load"):
--   TOKEN=$(curl -s -X POST http://127.0.0.1:5080/api/v1/tokens -H 'Content-Type: application/json' \
--             -d '{"login":"wang.fang","password":"..."}' | jq -r .token)
--   TOKEN=$TOKEN wrk -t 2 -c 16 -d 60s -s bench/load/intake.lua http://127.0.0.1:5080
-- Each request is one intake of a marriage registration at window marriage-1, with the clerk's
-- bearer token and an Idempotency-Key no other request uses (thread number, a per-thread counter
-- and the start time), so every request opens a case. At the end it prints the answers by status:
-- wrk itself counts only non-2xx/3xx as errors.

local token = os.getenv("TOKEN") or error("set TOKEN to a bearer token of a clerk")
local body = '{"item":"marriage-registration","window":"marriage-1",'
  .. '"applicant":{"name":"张三","idNumber":"110101199003071233","phone":"13812345678"},'
  .. '"materialsReceived":["id_cards","declaration"],"inputs":{"party_a":"张三","party_b":"李四"}}'

local threads = {}
local number = 0

function setup(thread)
  number = number + 1
  thread:set("number", number)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  statuses = {}
  started = os.time()
end

function request()
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("wrk-%d-%d-%d", started, number, sent),
  }
  return wrk.format("POST", "/api/v1/cases", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local line = "statuses:"
  for status, count in pairs(totals) do
    line = line .. string.format(" %d:%d", status, count)
  end
  print(line)
  print(string.format("intakes/s (201 only): %.0f", (totals[201] or 0) / (summary.duration / 1e6)))
  print(string.format("latency p50 %.1f ms, p99 %.1f ms", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
