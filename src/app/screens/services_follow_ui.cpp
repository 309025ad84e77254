#include "app/screens/services_follow_ui.h"

#include "app/api/client.h"
#include "app/screens/payments_ui.h"

namespace cdscb::app::screens::services_follow_ui {

bool require_account(AppContext& ctx) {
  return payments_ui::require_account(ctx, "services.follow.login_needed");
}

bool take_body(const api::Response& r, nlohmann::json& body, std::string& error) {
  body = nlohmann::json::parse(r.body, nullptr, false);
  if (r.ok() && body.is_object()) return true;
  error = api::error_of(r).message;
  return false;
}

}  // namespace cdscb::app::screens::services_follow_ui
