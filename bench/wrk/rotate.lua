-- One wrk script for every load of bench/run. Each request takes the next product id and the next
-- caller's token in turn (each thread starts at its own offset), so the loads touch the whole catalog
-- and spread writes over several shoppers instead of piling them on one row.
--   BENCH_METHOD  GET or POST
--   BENCH_PATH    the path, "{id}" replaced by a product id
--   BENCH_BODY    optional JSON body, "{id}" replaced likewise
--   BENCH_IDS     file with one product id per line
--   BENCH_TOKENS  optional file with one access token per line (sent as Authorization: Bearer)
--   BENCH_ADDRESSES  optional file, line by line beside BENCH_TOKENS: "{address}" in the body becomes
--                 the address id of the caller whose token goes with the request

local function lines(name)
  local list = {}
  if name == nil or name == "" then return list end
  for line in io.lines(name) do
    if line ~= "" then list[#list + 1] = line end
  end
  return list
end

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY")
local ids = lines(os.getenv("BENCH_IDS"))
local tokens = lines(os.getenv("BENCH_TOKENS"))
local addresses = lines(os.getenv("BENCH_ADDRESSES"))
local threads = 0
local counter = 0

function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  local caller = (counter % math.max(#tokens, 1)) + 1
  local headers = { ["Accept"] = "application/json" }
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[caller]
  end
  local payload = nil
  if body ~= nil and body ~= "" then
    headers["Content-Type"] = "application/json"
    payload = body:gsub("{id}", id):gsub("{address}", addresses[caller] or "")
  end
  return wrk.format(method, (path:gsub("{id}", id)), headers, payload)
end
