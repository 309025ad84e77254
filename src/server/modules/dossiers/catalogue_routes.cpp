// The procedure catalogue (anyone) and its editing by admins (draft → published).
#include <soci/soci.h>

#include "core/procedure_json.h"
#include "core/text.h"
#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/agencies/store.h"
#include "modules/dossiers/catalogue.h"
#include "modules/dossiers/dossier_json.h"
#include "modules/dossiers/messages.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/routes.h"
#include "util/vietnamese.h"

namespace cdscb::server::dossiers {
namespace {

constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 50;
constexpr std::size_t kQueryMax = 200;

http::Response list(const DossiersDeps& deps, const http::Request& request) {
  http::FieldErrors errors;
  CatalogueQuery query;
  query.q = std::string(request.query_param("q").value_or(""));
  query.field = std::string(request.query_param("field").value_or(""));
  query.level = std::string(request.query_param("level").value_or(""));
  query.after = std::string(request.query_param("cursor").value_or(""));
  if (query.q.size() > kQueryMax) errors.add("q", messages::kQueryTooLong);
  if (!query.level.empty() && query.level != core::kLevelCommune &&
      query.level != core::kLevelProvince)
    errors.add("level", messages::kLevelUnknown);
  if (!query.after.empty() && !query.after.starts_with("p"))
    errors.add("cursor", http::kCursorInvalid);
  if (!query.after.empty()) query.after = query.after.substr(1);
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  errors.throw_if_any();
  query.limit = limit + 1;
  soci::session sql(deps.database.pool());
  auto found = search_catalogue(sql, query);
  const bool more = static_cast<long long>(found.size()) > limit;
  if (more) found.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : found) items.push_back(procedure_summary_json(p));
  return http::Response::json(
      200, {{"items", items},
            {"next_cursor", more ? nlohmann::json("p" + found.back().code) : nlohmann::json()}});
}

nlohmann::json full_json(soci::session& sql, const core::Procedure& p) {
  nlohmann::json j = core::procedure_json<nlohmann::json>(p);
  j["agency_name"] =
      p.agency_code == core::kAgencyOfCommune
          ? nlohmann::json("UBND cấp xã nơi cư trú")
          : nlohmann::json(agencies::name_of(sql, p.agency_code).value_or(p.agency_code));
  return j;
}

http::Response show(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto p = published_procedure(sql, std::string(request.param("code").value_or("")));
  if (!p) throw http::HttpError(404, "not_found", messages::kProcedureNotFound);
  return http::Response::json(200, {{"procedure", full_json(sql, *p)}});
}

accounts::AuthUser admin(const DossiersDeps& deps, soci::session& sql,
                         const http::Request& request) {
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(may_administer(user));
  return user;
}

http::Response admin_show(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  admin(deps, sql, request);
  const auto p = latest_procedure(sql, std::string(request.param("code").value_or("")));
  if (!p) throw http::HttpError(404, "not_found", messages::kProcedureNotFound);
  return http::no_store(http::Response::json(
      200, {{"procedure", full_json(sql, p->procedure)}, {"status", p->status}}));
}

http::Response save(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  admin(deps, sql, request);
  const nlohmann::json body = http::parse_json_object(request, 256 * 1024);
  core::Procedure p = core::procedure_from_json(body);
  p.version = std::max(p.version, 1);
  http::FieldErrors errors;
  for (const auto& problem : core::validate_procedure(p))
    errors.add("procedure", util::vietnamese(problem));
  errors.throw_if_any();
  const int version = save_draft(sql, deps.database.backend(), p, now_seconds(deps));
  return http::Response::json(201, {{"code", p.code}, {"version", version}, {"status", kDraft}});
}

http::Response publish_version(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  admin(deps, sql, request);
  const std::string code(request.param("code").value_or(""));
  const auto version = http::parse_integer(request.param("version").value_or(""));
  if (!version ||
      !publish(sql, deps.database.backend(), code, static_cast<int>(*version), now_seconds(deps)))
    throw http::HttpError(409, "not_a_draft", messages::kNotAllowed);
  return http::Response::json(200, {{"code", code}, {"version", *version}, {"status", kPublished}});
}

}  // namespace

void register_catalogue_routes(http::Router& router, const DossiersDeps& deps) {
  router.get("/api/v1/procedures", [deps](const http::Request& r) { return list(deps, r); });
  router.get("/api/v1/procedures/{code}", [deps](const http::Request& r) { return show(deps, r); });
  router.get("/api/v1/admin/procedures/{code}",
             [deps](const http::Request& r) { return admin_show(deps, r); });
  router.post("/api/v1/admin/procedures", [deps](const http::Request& r) { return save(deps, r); });
  router.limit_body("POST", "/api/v1/admin/procedures",
                    {.max_bytes = 256 * 1024,
                     .code = "payload_too_large",
                     .message = "Nội dung gửi lên quá lớn."});
  router.post("/api/v1/admin/procedures/{code}/versions/{version}/publish",
              [deps](const http::Request& r) { return publish_version(deps, r); });
}

}  // namespace cdscb::server::dossiers
