// The agencies (see store.h), for anyone:
//   GET /api/v1/agencies → {"agencies":[{"code","name"}]} (provincial bodies, then communes'
//   committees). The app keeps the answer on the device for the official and admin forms that
//   pick an agency (state::ReferenceData), so they work offline after one visit.
#pragma once

#include <filesystem>

#include "db/database.h"
#include "http/router.h"

namespace cdscb::server {

struct AgenciesDeps {
  db::Database& database;
};

// Loads `data_dir`/agencies.csv (see store.h). Throws std::runtime_error for a malformed file.
void seed_agencies(db::Database& database, const std::filesystem::path& data_dir);

void register_agencies_routes(http::Router& router, const AgenciesDeps& deps);

}  // namespace cdscb::server
