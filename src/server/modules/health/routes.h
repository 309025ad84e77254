// GET /api/v1/health: whether the server and its database answer.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "db/database.h"
#include "http/router.h"

namespace cdscb::server {

struct HealthDeps {
  db::Database& database;
  std::string version;
  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
};

// 200 {"status":"ok","version":…,"database":"ok","time":RFC 3339 UTC} after a real query;
// 503 with "status":"degraded", "database":"unavailable" when the database fails.
void register_health_routes(http::Router& router, const HealthDeps& deps);

}  // namespace cdscb::server
