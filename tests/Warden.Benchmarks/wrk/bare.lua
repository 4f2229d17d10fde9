-- GET /bare (or any WRK_PATH) with no headers beyond wrk's own: the host's HTTP ceiling.
package.path = os.getenv("WRK_DIR") .. "/?.lua;" .. package.path
local report = require("report")
local path = os.getenv("WRK_PATH") or "/bare"
request = function() return wrk.format("GET", path) end
done = report.done
