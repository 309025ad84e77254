// Officials' accounts, managed by admins: create an officer (with agency) or admin, list accounts.
#include <soci/soci.h>

#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/management.h"
#include "modules/accounts/messages.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/policy.h"
#include "modules/agencies/store.h"
#include "security/crypto.h"

namespace cdscb::server::accounts {
namespace {

constexpr long long kDefaultLimit = 50;
constexpr long long kMaxLimit = 200;
constexpr std::string_view kCursorPrefix = "u";
inline constexpr std::string_view kRoleFilterInvalid =
    "Vai trò không hợp lệ (chỉ \"citizen\", \"officer\" hoặc \"admin\").";

http::Response create_user(const AccountsDeps& deps, const http::Request& request) {
  require(may_manage_accounts(deps.sessions.require_user(request)));
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  OfficialInput input;
  const auto text = [&](const char* key, std::string& out) {
    if (auto value = http::string_field(body, key, errors)) out = std::move(*value);
  };
  text("role", input.role);
  text("phone", input.phone);
  text("full_name", input.full_name);
  text("agency", input.agency);
  text("password", input.password);
  for (const auto& [field, message] : validate_official(input)) errors.add(field, message);
  soci::session sql(deps.database.pool());
  // users.agency holds an agency code: feedback and dossiers are routed and scoped by it.
  if (!errors.has("agency") && !input.agency.empty() && !agencies::name_of(sql, input.agency)) {
    errors.add("agency", messages::kAgencyNotFound);
  }
  errors.throw_if_any();

  const auto user = create_official(sql, deps.hasher, input, now_seconds(deps));
  if (!user) {
    throw http::HttpError(409, "phone_taken", messages::kPhoneTaken,
                          {{"phone", messages::kPhoneTaken}});
  }
  return http::Response::json(201, {{"user", user_json(*user)}});
}

// The cursor is "u<last id>": opaque to clients, who only pass back next_cursor.
std::string cursor_after(long long id) { return std::string(kCursorPrefix) + std::to_string(id); }

http::Response list_users(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  require(may_manage_accounts(auth));

  http::FieldErrors errors;
  const std::string role(request.query_param("role").value_or(""));
  if (!role.empty() && !core::parse_role(role)) {
    errors.add("role", kRoleFilterInvalid);
  }
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const long long after = http::read_cursor(request, errors, kCursorPrefix).value_or(0);
  errors.throw_if_any();

  std::vector<long long> ids;
  long long id = 0;
  const long long fetch = limit + 1;  // one more tells whether a next page exists
  const std::string any_role = role.empty() ? "1" : "0";
  soci::statement statement =
      (sql.prepare << "SELECT id FROM users WHERE deleted_at IS NULL AND id > :after "
                      "AND (:any_role = '1' OR role = :role) ORDER BY id LIMIT :fetch",
       soci::use(after), soci::use(any_role), soci::use(role), soci::use(fetch), soci::into(id));
  statement.execute();
  while (statement.fetch()) ids.push_back(id);

  const bool more = static_cast<long long>(ids.size()) > limit;
  if (more) ids.pop_back();
  nlohmann::json list = nlohmann::json::array();
  for (const long long user_id : ids) {
    if (const auto user = find_user_by_id(sql, user_id)) list.push_back(user_json(*user));
  }
  http::Response response = http::Response::json(
      200, {{"users", list},
            {"next_cursor", more ? nlohmann::json(cursor_after(ids.back())) : nullptr}});
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_admin_routes(http::Router& router, const AccountsDeps& deps) {
  router.post("/api/v1/admin/users",
              [deps](const http::Request& request) { return create_user(deps, request); });
  router.get("/api/v1/admin/users",
             [deps](const http::Request& request) { return list_users(deps, request); });
}

}  // namespace cdscb::server::accounts
