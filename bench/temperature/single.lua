-- wrk script for P2/P4: one POST per request, each with a fresh client UUID (the idempotency key), a resident of
-- the token holder's checkpoint, measured now, ~2 % fevers. Env: GG_PATH, GG_TOKEN (empty = none), GG_AUTH_OFF=1
-- (bench build header instead of a token), GG_RESIDENTS (file, one uuid a line), GG_CHECKPOINT, GG_DELAY_MS (paced
-- mode: each connection waits a random 0..2x this many ms before each request, so 64 connections offer about
-- 64000 / (GG_DELAY_MS + latency) requests/s; the load generator itself stays cheap, unlike autocannon).
local residents = {}
for line in io.lines(os.getenv("GG_RESIDENTS")) do residents[#residents + 1] = line end
local checkpoint = os.getenv("GG_CHECKPOINT")
local path = os.getenv("GG_PATH")
local token = os.getenv("GG_TOKEN") or ""
local authOff = os.getenv("GG_AUTH_OFF") == "1"
local thread_seed = 0
local delayMs = tonumber(os.getenv("GG_DELAY_MS") or "")

function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0) * 7919 + math.floor(os.clock() * 1e6))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if authOff then wrk.headers["X-Bench-Auth"] = "off"
  elseif token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

local hex = "0123456789abcdef"
local function h(n)
  local t = {}
  for i = 1, n do local r = math.random(1, 16); t[i] = hex:sub(r, r) end
  return table.concat(t)
end
local function uuid()
  local v = math.random(9, 12) -- the variant nibble: 8, 9, a or b
  return h(8) .. "-" .. h(4) .. "-4" .. h(3) .. "-" .. hex:sub(v, v) .. h(3) .. "-" .. h(12)
end

function request()
  local fever = math.random() < 0.02
  local t = fever and (37.3 + math.random(0, 15) / 10) or (36.0 + math.random(0, 9) / 10)
  local body = string.format(
    '{"id":"%s","source":"GATE","checkpointId":"%s","direction":"%s","measuredAt":"%s","temperature":%.1f,'
      .. '"healthCode":"GREEN","residentId":"%s"}',
    uuid(), checkpoint, math.random() < 0.5 and "IN" or "OUT", os.date("!%Y-%m-%dT%H:%M:%SZ"), t,
    residents[math.random(1, #residents)])
  return wrk.format(nil, path, nil, body)
end

if delayMs then
  function delay()
    return math.random(0, 2 * delayMs)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local secs = summary.duration / 1e6
  io.write(string.format('WRKJSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,'
    .. '"errors":%d,"status_errors":%d}\n', summary.requests, secs, (summary.requests - errors) / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, e.status))
end
