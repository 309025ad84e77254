// GET /api/v1/dossiers/prefill: the signed-in account's own values a form fills in before the
// citizen types (a field's "prefill", core/procedure.h): the name and birth date (VNeID's when
// linked, since linking writes them to the account), the personal number of the linked identity,
// the phone, the email and the permanent address. Only the owner asks, so the personal number
// is given in full; no-store keeps it out of caches.
#include <soci/soci.h>

#include "modules/accounts/messages.h"
#include "modules/accounts/users.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/routes.h"

namespace cdscb::server::dossiers {
namespace {

nlohmann::json optional_text(const std::optional<std::string>& value) {
  return value && !value->empty() ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

http::Response prefill(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (!may_read_prefill(user))
    throw http::HttpError(403, "forbidden", accounts::messages::kForbidden);
  const auto account = accounts::find_user_by_id(sql, user.id);
  if (!account) throw http::HttpError(401, "unauthenticated", accounts::messages::kLoginRequired);
  nlohmann::json address = nullptr;
  if (account->commune && !account->commune->empty())
    address = {{"commune", *account->commune}, {"street", account->street.value_or("")}};
  return http::no_store(http::Response::json(
      200, {{"prefill",
             {{"full_name", account->full_name},
              {"birth_date", optional_text(account->birth_date)},
              {"personal_number", optional_text(account->so_dinh_danh)},
              {"phone", account->has_phone() ? nlohmann::json(account->phone) : nullptr},
              {"email", optional_text(account->email)},
              {"permanent_address", address}}}}));
}

}  // namespace

void register_prefill_routes(http::Router& router, const DossiersDeps& deps) {
  router.get("/api/v1/dossiers/prefill",
             [deps](const http::Request& r) { return prefill(deps, r); });
}

}  // namespace cdscb::server::dossiers
