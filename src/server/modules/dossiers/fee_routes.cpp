// "Nộp phí" of a dossier: a payments order for the fee the dossier holds (see fees.h).
#include <soci/soci.h>

#include "core/dossier.h"
#include "core/masking.h"
#include "http/rate_limit.h"
#include "modules/accounts/access.h"
#include "modules/dossiers/actions.h"
#include "modules/dossiers/messages.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/routes.h"
#include "modules/payments/limits.h"
#include "modules/payments/order_json.h"
#include "modules/payments/orders.h"

namespace cdscb::server::dossiers {
namespace {

// The owner's order for the fee, while the dossier waits for it: a new one (201), or the live
// one already made for it (200), so two taps never make two orders. The amount is the dossier's.
http::Response fee_order(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const Dossier d = dossier_of(sql, deps, request);
  accounts::require_visible(is_owner(user, d), messages::kDossierNotFound);
  if (d.status != core::kDossierAwaitingFee || d.fee_vnd.value_or(0) <= 0)
    throw http::HttpError(409, "fee_not_due", messages::kFeeNotDue);
  const long long now = now_seconds(deps);
  if (auto refused =
          http::check_rate_limits(sql, {payments::kOrdersPerDay}, http::account_key(user.id), now))
    return *refused;
  const auto made = payments::create_order(
      sql, deps.database.backend(),
      {.user_id = user.id,
       .purpose = payments::kPurposeDossierFee,
       .payee_name = d.agency_name,
       .service = "public_service",
       .provider = d.agency,
       .customer_code = d.code,
       .customer_name = core::mask_person_name(d.applicant_name),
       .customer_address = "",
       // The one line of the order is the dossier's fee.
       .bills = {{.bill_id = d.code, .period = "", .amount = *d.fee_vnd, .due_date = ""}},
       .now = now,
       .lifetime = payments::kOrderLifetime});
  return http::no_store(http::Response::json(made.created ? 201 : 200,
                                             {{"order", payments::order_json(made.order)}}));
}

}  // namespace

void register_fee_routes(http::Router& router, const DossiersDeps& deps) {
  router.post("/api/v1/dossiers/{code}/fee",
              [deps](const http::Request& r) { return fee_order(deps, r); });
}

}  // namespace cdscb::server::dossiers
