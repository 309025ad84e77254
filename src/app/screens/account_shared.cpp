#include "app/screens/account_shared.h"

#include "app/ui/widgets.h"

namespace cdscb::app::screens {

bool draw_signed_out_page(AppContext& ctx, const ui::Page& page) {
  if (ctx.session.user()) return false;
  ui::paragraph(ctx, "account.signed_out", ctx.t("account.signed_out"), ui::Theme::kMutedText);
  if (ui::button(ctx, "account.login", ctx.t("login.title"), ui::ButtonKind::kPrimary,
                 page.column_width))
    ctx.nav.replace({core::Screen::kLogin, ""});
  ui::end_page(ctx);
  return true;
}

bool draw_not_admin_page(AppContext& ctx, const char* message_key) {
  const auto& user = ctx.session.user();
  if (user && user->admin()) return false;
  ui::status_banner(ctx, "admin.forbidden", ctx.t(message_key));
  ui::end_page(ctx);
  return true;
}

std::optional<nlohmann::json> take_list(AppContext& ctx, api::Call& call, const char* key,
                                        bool& loaded, api::ApiError& error) {
  auto answer = call.poll(ctx.api);
  if (!answer) return std::nullopt;
  loaded = true;
  if (!answer->ok()) {
    error = api::error_of(*answer);
    return std::nullopt;
  }
  auto json = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains(key) || !json[key].is_array())
    return nlohmann::json::array();
  return json[key];
}

Confirm draw_confirm(AppContext& ctx, const std::string& id, const char* warning,
                     const char* yes_label, float width, bool busy) {
  ui::paragraph(ctx, (id + ".confirm").c_str(), warning, ui::Theme::kError);
  Confirm answer = Confirm::kNone;
  if (ui::button(ctx, (id + ".confirm_yes").c_str(), yes_label, ui::ButtonKind::kPrimary, width))
    answer = Confirm::kYes;
  if (ui::button(ctx, (id + ".cancel").c_str(), ctx.t("admin.cancel"), ui::ButtonKind::kSecondary,
                 width))
    answer = Confirm::kNo;
  return busy ? Confirm::kNone : answer;
}

bool take_sign_out(AppContext& ctx, api::Call& call, api::ApiError& error) {
  auto answer = call.poll(ctx.api);
  if (!answer) return false;
  if (!answer->ok()) {
    error = api::error_of(*answer);
    return false;
  }
  ctx.session.signed_out();
  ctx.nav.replace({core::Screen::kHome, ""});
  return true;
}

}  // namespace cdscb::app::screens
