// What the concurrency tests share: many clients calling at the same moment, and the two
// databases they run on.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "db/database.h"
#include "http/response.h"

namespace cdscb::server::testing {

// Starts `clients` threads that wait at one barrier and then each make `call(i)` at once;
// returns the answers, answer i from call(i).
std::vector<http::Response> at_once(int clients, const std::function<http::Response(int)>& call);

// How many of `answers` have `status`.
int count_status(const std::vector<http::Response>& answers, int status);

// Runs `test` on a fresh migrated SQLite database (a file, so every session of the pool of
// `pool_size` is its own connection) and then, when CDSCB_TEST_POSTGRES_URL is set, on a fresh
// PostgreSQL schema, each with a pool as large.
void for_each_database(std::size_t pool_size, const std::function<void(db::Database&)>& test);

}  // namespace cdscb::server::testing
