-- GET one entity's enforcement verdict (no explanation) with the API key, entities spread over WRK_ENTITIES.
package.path = os.getenv("WRK_DIR") .. "/?.lua;" .. package.path
local report = require("report")
local entities = tonumber(os.getenv("WRK_ENTITIES") or "10000")
local counter = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("WRK_KEY")

setup = function(thread) thread:set("offset", math.random(0, entities - 1)) end
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/entities/pin:" .. ((offset + counter * 7919) % entities) .. "/enforcement?surface=home_feed&explain=false")
end
done = report.done
