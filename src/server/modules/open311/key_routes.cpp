// Admins issue, list and revoke the API keys other systems use to post Open311 requests
// (routes.cpp). A key is shown once, when issued; only its SHA-256 is kept, and no answer
// ever carries the key or its hash again. Revoking sets revoked_at and keeps the row, so the list
// still shows who issued the key and when; the requests it posted stay. Revoking a revoked key
// answers 204 again (revoking is idempotent) and leaves the first revoked_at unchanged.
#include <soci/soci.h>

#include <charconv>

#include "core/feedback.h"
#include "core/text.h"
#include "core/time_text.h"
#include "http/json_body.h"
#include "modules/accounts/access.h"
#include "modules/open311/messages.h"
#include "modules/open311/policy.h"
#include "modules/open311/routes.h"
#include "security/crypto.h"

namespace cdscb::server::open311 {
namespace {

constexpr std::size_t kNameMax = 100;  // code points

struct KeyRow {
  long long id = 0;
  std::string name;
  long long created_at = 0;
  std::optional<long long> revoked_at;
  std::string created_by;
};

nlohmann::json key_json(const KeyRow& key) {
  return {{"id", key.id},
          {"name", key.name},
          {"created_at", core::format_rfc3339(key.created_at)},
          {"revoked_at", key.revoked_at ? nlohmann::json(core::format_rfc3339(*key.revoked_at))
                                        : nlohmann::json(nullptr)},
          {"created_by", {{"name", key.created_by}}}};
}

http::Response issue(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(may_manage_keys(user));
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const std::string name = http::string_field(body, "name", errors).value_or("");
  const std::string trimmed = core::is_valid_utf8(name) ? core::trim_blank(name) : "";
  if (!errors.has("name") && trimmed.empty()) errors.add("name", messages::kKeyNameRequired);
  if (!errors.has("name") && core::count_code_points(trimmed) > kNameMax) {
    errors.add("name", messages::kKeyNameTooLong);
  }
  errors.throw_if_any();
  const std::string key = security::random_token(32);
  const std::string hash = security::sha256_hex(key);
  const long long now = now_seconds(deps);
  long long id = 0;
  sql << "INSERT INTO open311_api_keys (key_hash, name, user_id, created_at) VALUES (:hash, "
         ":name, :user_id, :now) RETURNING id",
      soci::use(hash), soci::use(trimmed), soci::use(user.id), soci::use(now), soci::into(id);
  return http::no_store(http::Response::json(201, {{"api_key", key},
                                                   {"id", id},
                                                   {"name", trimmed},
                                                   {"created_at", core::format_rfc3339(now)}}));
}

http::Response list(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_manage_keys(deps.sessions.require_user(sql, request)));
  nlohmann::json keys = nlohmann::json::array();
  KeyRow row;
  long long revoked_at = 0;
  soci::indicator revoked = soci::i_null;
  soci::statement statement =
      (sql.prepare << "SELECT k.id, k.name, k.created_at, k.revoked_at, u.full_name "
                      "FROM open311_api_keys k JOIN users u ON u.id = k.user_id ORDER BY k.id",
       soci::into(row.id), soci::into(row.name), soci::into(row.created_at),
       soci::into(revoked_at, revoked), soci::into(row.created_by));
  statement.execute();
  while (statement.fetch()) {
    row.revoked_at = revoked == soci::i_ok ? std::optional(revoked_at) : std::nullopt;
    if (row.created_by.empty()) row.created_by = std::string(messages::kDeletedAccount);
    keys.push_back(key_json(row));
  }
  return http::no_store(http::Response::json(200, {{"keys", keys}}));
}

http::Response revoke(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_manage_keys(deps.sessions.require_user(sql, request)));
  const std::string text(request.param("id").value_or(""));
  long long id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  int count = 0;
  if (error == std::errc() && end == text.data() + text.size()) {
    sql << "SELECT COUNT(*) FROM open311_api_keys WHERE id = :id", soci::use(id), soci::into(count);
  }
  if (count == 0) throw http::HttpError(404, "not_found", messages::kKeyNotFound);
  const long long now = now_seconds(deps);
  sql << "UPDATE open311_api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
      soci::use(now), soci::use(id);
  return http::no_content();
}

}  // namespace

void register_key_routes(http::Router& router, const Open311Deps& deps) {
  router.get("/api/v1/admin/open311-keys",
             [deps](const http::Request& request) { return list(deps, request); });
  router.post("/api/v1/admin/open311-keys",
              [deps](const http::Request& request) { return issue(deps, request); });
  router.del("/api/v1/admin/open311-keys/{id}",
             [deps](const http::Request& request) { return revoke(deps, request); });
}

}  // namespace cdscb::server::open311
