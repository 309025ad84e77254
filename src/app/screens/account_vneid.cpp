#include "app/screens/account_vneid.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/platform/redirect.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void VneidPanel::reset() {
  confirming_ = false;
  unlinked_ = false;
  password_.clear();
  error_ = {};
}

void VneidPanel::take_answer(AppContext& ctx) {
  auto answer = unlink_.poll(ctx.api);
  if (!answer) return;
  if (answer->ok()) {
    if (auto user = state::user_from_json(answer->body)) ctx.session.signed_in(*user);
    reset();
    unlinked_ = true;
  } else {
    error_ = api::error_of(*answer);
  }
}

void VneidPanel::draw_unlink(AppContext& ctx, float width) {
  if (!confirming_) {
    if (ui::button(ctx, "account.vneid.unlink", ctx.t("account.vneid.unlink"),
                   ui::ButtonKind::kSecondary, width))
      confirming_ = true;
    return;
  }
  ui::paragraph(ctx, "account.vneid.unlink_intro", ctx.t("account.vneid.unlink_intro"),
                ui::Theme::kMutedText);
  ui::text_field(ctx, "account.vneid.password", ctx.t("account.password"), password_,
                 {.input = "password", .error = error_.field("password")});
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "account.vneid.error", error_.message.c_str());
  if (ui::button(ctx, "account.vneid.unlink_confirm", ctx.t("account.vneid.unlink_confirm"),
                 ui::ButtonKind::kPrimary, width) &&
      !unlink_.waiting()) {
    error_ = {};
    const nlohmann::json body = {{"password", password_}};
    unlink_.start(ctx.api, "DELETE", "/api/v1/me/vneid", body.dump());
  }
  if (ui::button(ctx, "account.vneid.unlink_cancel", ctx.t("account.vneid.unlink_cancel"),
                 ui::ButtonKind::kSecondary, width))
    reset();
}

void VneidPanel::draw(AppContext& ctx, float width) {
  take_answer(ctx);
  const auto& user = ctx.session.user();
  if (!user) return;
  if (user->vneid_verified) {
    ui::paragraph(ctx, "account.vneid", ctx.t("account.vneid_verified"), ui::Theme::kBrand);
    if (!user->so_dinh_danh_masked.empty()) {
      const std::string number =
          std::string(ctx.t("link.number")) + ": " + user->so_dinh_danh_masked;
      ui::paragraph(ctx, "account.vneid.number", number.c_str(), ui::Theme::kMutedText);
    }
    draw_unlink(ctx, width);
    return;
  }
  if (unlinked_) ui::status_banner(ctx, "account.vneid.unlinked", ctx.t("account.vneid.unlinked"));
  if (!ctx.session.vneid_available()) return;
  ui::paragraph(ctx, "account.vneid.link_intro", ctx.t("account.vneid.link_intro"),
                ui::Theme::kMutedText);
  // The browser leaves for VNeID and comes back to the linking screen, still signed in here.
  if (ui::button(ctx, "account.vneid.link", ctx.t("account.vneid.link"), ui::ButtonKind::kSecondary,
                 width))
    platform::redirect::go_to("/api/v1/auth/vneid/start");
}

}  // namespace cdscb::app::screens
