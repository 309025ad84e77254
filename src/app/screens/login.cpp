#include "app/screens/login.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/redirect.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void Login::submit(AppContext& ctx) {
  error_ = {};
  nlohmann::json body = {{"phone", phone_}, {"password", password_}};
  call_.start(ctx.api, "POST", "/api/v1/sessions", body.dump());
}

void Login::take_answer(AppContext& ctx) {
  auto answer = call_.poll(ctx.api);
  if (!answer) return;
  if (answer->ok()) {
    if (auto user = state::user_from_json(answer->body)) ctx.session.signed_in(*user);
    password_.clear();
    ctx.nav.replace({core::Screen::kHome, ""});
    return;
  }
  error_ = api::error_of(*answer);
  if (error_.code == "phone_not_verified") {
    // The account exists but its phone was never confirmed: a fresh code went out (or will
    // be available to resend), so continue on the confirmation screen.
    auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    ctx.session.verification =
        state::PendingVerification{api::str(body, "phone", phone_), api::str(body, "phone_masked"),
                                   ImGui::GetTime() + api::integer(body, "resend_in", 0)};
    error_ = {};
    ctx.nav.go({core::Screen::kVerifyPhone, ""});
  }
}

void Login::draw(AppContext& ctx) {
  take_answer(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("login.title"), /*is_home=*/false);
  if (ctx.session.vneid_available()) {
    // The guide's first and recommended way in: the national identity through the portal.
    ui::paragraph(ctx, "login.vneid_intro", ctx.t("login.vneid_intro"), ui::Theme::kMutedText);
    if (ui::button(ctx, "login.vneid", ctx.t("login.vneid"), ui::ButtonKind::kPrimary,
                   page.column_width))
      platform::redirect::go_to("/api/v1/auth/vneid/start");
    ImGui::Dummy(ImVec2(0, 4));
  }
  ui::paragraph(ctx, "login.intro", ctx.t("login.intro"), ui::Theme::kMutedText);
  ui::text_field(ctx, "login.phone", ctx.t("account.phone"), phone_,
                 {.placeholder = "09xx xxx xxx", .input = "tel", .error = error_.field("phone")});
  ui::text_field(ctx, "login.password", ctx.t("account.password"), password_,
                 {.input = "password", .error = error_.field("password")});
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "login.error", error_.message.c_str());
  const bool busy = call_.waiting();
  if (ui::button(ctx, "login.submit", ctx.t(busy ? "login.submitting" : "login.submit"),
                 ui::ButtonKind::kPrimary, page.column_width) &&
      !busy)
    submit(ctx);
  if (ui::link(ctx, "login.forgot", ctx.t("login.forgot"), "#/quen-mat-khau"))
    ctx.nav.go({core::Screen::kResetPassword, ""});
  ImGui::Dummy(ImVec2(0, 4));
  ui::paragraph(ctx, "login.no_account", ctx.t("login.no_account"), ui::Theme::kMutedText);
  if (ui::button(ctx, "login.register", ctx.t("register.title"), ui::ButtonKind::kSecondary,
                 page.column_width))
    ctx.nav.go({core::Screen::kRegister, ""});
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
