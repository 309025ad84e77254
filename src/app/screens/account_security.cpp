#include "app/screens/account_security.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/platform/redirect.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kExportPath = "/api/v1/me/export";

}  // namespace

void AccountSecurity::reset() {
  current_password_.clear();
  new_password_.clear();
  delete_password_.clear();
  confirm_delete_ = false;
  changed_ = false;
  change_error_ = {};
  erase_error_ = {};
}

void AccountSecurity::take_answers(AppContext& ctx) {
  if (auto answer = change_.poll(ctx.api)) {
    if (answer->ok()) {
      reset();
      changed_ = true;
    } else {
      change_error_ = api::error_of(*answer);
    }
  }
  if (auto answer = erase_.poll(ctx.api)) {
    if (answer->ok()) {
      reset();
      // Nothing of the deleted account stays on the device (outbox, drafts, photos).
      ctx.outbox.erase_account(ctx.session.owner(), ctx.replies);
      ctx.session.signed_out();
      ctx.nav.replace({core::Screen::kHome, ""});
    } else {
      erase_error_ = api::error_of(*answer);
    }
  }
}

void AccountSecurity::draw(AppContext& ctx, float width) {
  take_answers(ctx);
  ui::heading(ctx, "security.password_title", ctx.t("security.password_title"), 2);
  ui::text_field(ctx, "security.current", ctx.t("security.current"), current_password_,
                 {.input = "password", .error = change_error_.field("current_password")});
  ui::text_field(ctx, "security.new", ctx.t("security.new"), new_password_,
                 {.placeholder = ctx.t("register.password_hint"),
                  .input = "new-password",
                  .error = change_error_.field("new_password")});
  if (changed_) ui::status_banner(ctx, "security.changed", ctx.t("security.changed"));
  if (!change_error_.message.empty() && change_error_.fields.empty())
    ui::status_banner(ctx, "security.change_error", change_error_.message.c_str());
  if (ui::button(ctx, "security.change", ctx.t("security.change"), ui::ButtonKind::kSecondary,
                 width) &&
      !change_.waiting()) {
    change_error_ = {};
    changed_ = false;
    nlohmann::json body = {{"current_password", current_password_},
                           {"new_password", new_password_}};
    change_.start(ctx.api, "PUT", "/api/v1/me/password", body.dump());
  }

  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "security.data_title", ctx.t("security.data_title"), 2);
  ui::paragraph(ctx, "security.data_intro", ctx.t("security.data_intro"), ui::Theme::kMutedText);
  // A real link: the browser downloads the file with the session cookie.
  if (ui::link(ctx, "security.export", ctx.t("security.export"), kExportPath))
    platform::redirect::go_to(kExportPath);

  ImGui::Dummy(ImVec2(0, 8));
  if (!confirm_delete_) {
    if (ui::button(ctx, "security.delete", ctx.t("security.delete"), ui::ButtonKind::kSecondary,
                   width))
      confirm_delete_ = true;
    return;
  }
  ui::paragraph(ctx, "security.delete_warning", ctx.t("security.delete_warning"),
                ui::Theme::kError);
  ui::text_field(ctx, "security.delete_password", ctx.t("account.password"), delete_password_,
                 {.input = "password", .error = erase_error_.field("password")});
  if (!erase_error_.message.empty() && erase_error_.fields.empty())
    ui::status_banner(ctx, "security.delete_error", erase_error_.message.c_str());
  if (ui::button(ctx, "security.delete_confirm", ctx.t("security.delete_confirm"),
                 ui::ButtonKind::kPrimary, width) &&
      !erase_.waiting()) {
    erase_error_ = {};
    nlohmann::json body = {{"password", delete_password_}};
    erase_.start(ctx.api, "DELETE", "/api/v1/me", body.dump());
  }
  if (ui::button(ctx, "security.delete_cancel", ctx.t("security.delete_cancel"),
                 ui::ButtonKind::kSecondary, width)) {
    confirm_delete_ = false;
    delete_password_.clear();
  }
}

}  // namespace cdscb::app::screens
