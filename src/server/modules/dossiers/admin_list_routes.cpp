// "Quản lý thủ tục": every procedure for admins, with whether a draft waits to be published.
//   GET /api/v1/admin/procedures?limit=&cursor= → {"items":[{"code","name","status":"draft"|
//       "published","version" (the newest),"published_version" (0: never published),"fee_vnd"
//       (the published one's, else the draft's)}],"next_cursor"} by code; one query per page.
#include <soci/soci.h>

#include <map>

#include "core/procedure_json.h"
#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/dossiers/catalogue.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/routes.h"

namespace cdscb::server::dossiers {
namespace {

constexpr long long kDefaultLimit = 30;
constexpr long long kMaxLimit = 50;

struct Row {
  nlohmann::json published, draft;  // summaries of the versions
};

http::Response admin_list(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(may_administer(user));
  http::FieldErrors errors;
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  std::string after(request.query_param("cursor").value_or(""));
  if (!after.empty() && !after.starts_with("p")) errors.add("cursor", http::kCursorInvalid);
  errors.throw_if_any();
  if (!after.empty()) after = after.substr(1);
  // A code has at most one published and one draft version: 2 rows each, so (limit + 1) * 2
  // rows hold the page's codes whole and tell whether another code follows.
  const long long rows = (limit + 1) * 2;
  std::string code, status, definition;
  int version = 0;
  soci::statement st = (sql.prepare << "SELECT code, version, status, definition FROM procedures "
                                       "WHERE status IN ('published', 'draft') AND code > :after "
                                       "ORDER BY code, version LIMIT :rows",
                        soci::use(after), soci::use(rows), soci::into(code), soci::into(version),
                        soci::into(status), soci::into(definition));
  st.execute();
  std::map<std::string, Row> found;
  while (st.fetch()) {
    const auto p = core::procedure_from_json(nlohmann::json::parse(definition, nullptr, false));
    nlohmann::json summary = {{"name", p.name},
                              {"version", version},
                              {"fee_vnd", p.fee_vnd ? nlohmann::json(*p.fee_vnd) : nullptr}};
    (status == kDraft ? found[code].draft : found[code].published) = summary;
  }
  nlohmann::json items = nlohmann::json::array();
  std::string last;
  for (const auto& [c, row] : found) {
    if (static_cast<long long>(items.size()) == limit) break;
    const nlohmann::json& newest = row.draft.is_object() ? row.draft : row.published;
    const nlohmann::json& shown = row.published.is_object() ? row.published : row.draft;
    items.push_back({{"code", c},
                     {"name", newest["name"]},
                     {"status", row.draft.is_object() ? kDraft : kPublished},
                     {"version", newest["version"]},
                     {"published_version",
                      row.published.is_object() ? row.published["version"] : nlohmann::json(0)},
                     {"fee_vnd", shown["fee_vnd"]}});
    last = c;
  }
  const bool more = static_cast<long long>(found.size()) > limit;
  return http::no_store(http::Response::json(
      200, {{"items", items}, {"next_cursor", more ? nlohmann::json("p" + last) : nullptr}}));
}

}  // namespace

void register_admin_list_routes(http::Router& router, const DossiersDeps& deps) {
  router.get("/api/v1/admin/procedures",
             [deps](const http::Request& r) { return admin_list(deps, r); });
}

}  // namespace cdscb::server::dossiers
