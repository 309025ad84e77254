#include "modules/agencies/routes.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "modules/agencies/policy.h"
#include "modules/agencies/store.h"

namespace cdscb::server {

void seed_agencies(db::Database& database, const std::filesystem::path& data_dir) {
  soci::session sql(database.pool());
  db::Transaction transaction(sql, database.backend());
  agencies::load(sql, data_dir / "agencies.csv");
  transaction.commit();
}

void register_agencies_routes(http::Router& router, const AgenciesDeps& deps) {
  router.get("/api/v1/agencies", [deps](const http::Request&) {
    soci::session sql(deps.database.pool());
    nlohmann::json list = nlohmann::json::array();
    for (const core::Agency& agency : agencies::list(sql)) {
      list.push_back({{"code", agency.code}, {"name", agency.name}});
    }
    http::Response response = http::Response::json(200, {{"agencies", list}});
    // Changes only when the file does and the server restarts; an hour keeps officials' forms
    // fresh enough without asking on every open.
    response.headers.set("Cache-Control", "public, max-age=3600");
    return response;
  });
}

}  // namespace cdscb::server
