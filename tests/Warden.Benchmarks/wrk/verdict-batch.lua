-- POST /api/v1/enforcement/batch with WRK_BATCH entities per request; requests/s × WRK_BATCH = verdicts/s.
package.path = os.getenv("WRK_DIR") .. "/?.lua;" .. package.path
local report = require("report")
local entities = tonumber(os.getenv("WRK_ENTITIES") or "10000")
local size = tonumber(os.getenv("WRK_BATCH") or "50")
local counter = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("WRK_KEY")
wrk.headers["Content-Type"] = "application/json"

setup = function(thread) thread:set("offset", math.random(0, entities - 1)) end
request = function()
  counter = counter + 1
  local ids = {}
  for i = 1, size do ids[i] = '"pin:' .. ((offset + (counter * size + i) * 7919) % entities) .. '"' end
  return wrk.format("POST", "/api/v1/enforcement/batch", nil, '{"surface":"home_feed","entities":[' .. table.concat(ids, ",") .. ']}')
end
done = report.done
