#include "app/screens/services_follow_ui.h"

#include "app/api/client.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens::services_follow_ui {

bool require_account(AppContext& ctx) {
  if (ctx.session.user()) return true;
  if (ctx.connectivity.offline() || !ctx.session.checked()) {
    ui::paragraph(ctx, "services.follow.login_needed", ctx.t("services.follow.login_needed"),
                  ui::Theme::kMutedText);
    return false;
  }
  ctx.nav.replace({core::Screen::kLogin, ""});
  return false;
}

bool take_body(const api::Response& r, nlohmann::json& body, std::string& error) {
  body = nlohmann::json::parse(r.body, nullptr, false);
  if (r.ok() && body.is_object()) return true;
  error = api::error_of(r).message;
  return false;
}

}  // namespace cdscb::app::screens::services_follow_ui
