-- wrk script: each request uploads one committed sample application
-- (application.json and its four scans as multipart/form-data) to
-- POST /v1/applications, cycling through the samples; reports p50/p95/p99
-- latency and the errors (any answer but 2xx/3xx counts as an error).
--
--   wrk -t2 -c2 -d120s --timeout 60s -s scripts/load/upload.lua http://127.0.0.1:8090 -- samples/APP-0001 samples/APP-0002 …
-- With a token: PRECHECK_TOKEN=… in wrk's environment.

local boundary = "----precheck-load-7d3f9a1c"
local bodies = {}
local next_body = 1
local thread_count = 0

-- The file's bytes, or nil when it is absent (APP-0009 lacks its licence on purpose).
local function read_file(path)
  local file = io.open(path, "rb")
  if not file then return nil end
  local data = file:read("*a")
  file:close()
  return data
end

local function part(name, data)
  return "--" .. boundary .. "\r\n" ..
    "Content-Disposition: form-data; name=\"files\"; filename=\"" .. name .. "\"\r\n" ..
    "Content-Type: application/octet-stream\r\n\r\n" .. data .. "\r\n"
end

-- The file names application.json gives for the four documents.
local function document_names(form)
  local names = {}
  local documents = form:match('"documents"%s*:%s*(%b{})')
  for _, name in documents:gmatch('"(%w+)"%s*:%s*"([^"]+)"') do table.insert(names, name) end
  return names
end

-- Threads start at different samples.
function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  for _, folder in ipairs(args) do
    local form = assert(read_file(folder .. "/application.json"), "no application.json in " .. folder)
    local body = part("application.json", form)
    for _, name in ipairs(document_names(form)) do
      local data = read_file(folder .. "/" .. name)
      if data then body = body .. part(name, data) end
    end
    table.insert(bodies, body .. "--" .. boundary .. "--\r\n")
  end
  assert(#bodies > 0, "name the sample folders after --")
  next_body = (wrk.thread:get("index") or 0) % #bodies + 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
  local token = os.getenv("PRECHECK_TOKEN")
  if token then wrk.headers["Authorization"] = "Bearer " .. token end
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, "/v1/applications", nil, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.1f s = %.3f requests/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency ms: p50 %.0f  p95 %.0f  p99 %.0f  max %.0f  mean %.0f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
