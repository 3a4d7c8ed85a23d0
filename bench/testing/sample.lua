-- wrk script for the sampling benchmark: one POST per request, a fresh client UUID (the idempotency key), a resident
-- of the city (each thread walks the shuffled list from a random start, so nobody is twice in one pool), pools of 10: each wrk thread fills 32 tubes round robin (request n goes to tube n % 32 of
-- generation n // 320), so no tube gets more than 10 people and consecutive requests do not queue on one tube's lock.
-- Env: GG_PATH, GG_TOKEN (empty = none), GG_RESIDENTS (file, one uuid a line), GG_PREFIX (barcode prefix, unique a run).
local residents = {}
for line in io.lines(os.getenv("GG_RESIDENTS")) do residents[#residents + 1] = line end
local path = os.getenv("GG_PATH")
local token = os.getenv("GG_TOKEN") or ""
local prefix = os.getenv("GG_PREFIX")
local thread_seed = 0
local n = 0
local start = 0

function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0) * 7919 + math.floor(os.clock() * 1e6))
  start = math.random(1, #residents)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

local hex = "0123456789abcdef"
local function h(k)
  local t = {}
  for i = 1, k do local r = math.random(1, 16); t[i] = hex:sub(r, r) end
  return table.concat(t)
end
local function uuid()
  local v = math.random(9, 12) -- the variant nibble: 8, 9, a or b
  return h(8) .. "-" .. h(4) .. "-4" .. h(3) .. "-" .. hex:sub(v, v) .. h(3) .. "-" .. h(12)
end

function request()
  local barcode = string.format("%s-%d-%d-%d", prefix, seed or 0, n % 32, math.floor(n / 320))
  n = n + 1
  local body = string.format('{"id":"%s","barcode":"%s","residentId":"%s","kind":"ORDINARY"}',
    uuid(), barcode, residents[(start + n) % #residents + 1])
  return wrk.format(nil, path, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local secs = summary.duration / 1e6
  io.write(string.format('WRKJSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,'
    .. '"errors":%d,"status_errors":%d}\n', summary.requests, secs, (summary.requests - errors) / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, e.status))
end
