#include "app/screens/reset_password.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void ResetPassword::on_enter(AppContext&) {
  code_.clear();
  password_.clear();
  code_sent_ = false;
  done_ = false;
  error_ = {};
}

void ResetPassword::take_answers(AppContext& ctx) {
  if (auto answer = request_.poll(ctx.api)) {
    if (answer->ok()) {
      auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
      phone_ = api::str(body, "phone", phone_);  // normalised by the server
      phone_masked_ = api::str(body, "phone_masked", phone_);
      code_sent_ = true;
    } else {
      error_ = api::error_of(*answer);
    }
  }
  if (auto answer = confirm_.poll(ctx.api)) {
    if (answer->ok()) {
      done_ = true;
      password_.clear();
      ctx.session.signed_out();  // the server ended every session
    } else {
      error_ = api::error_of(*answer);
    }
  }
}

void ResetPassword::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("reset.title"), /*is_home=*/false);
  if (done_) {
    ui::status_banner(ctx, "reset.done", ctx.t("reset.done"));
    if (ui::button(ctx, "reset.to_login", ctx.t("login.title"), ui::ButtonKind::kPrimary,
                   page.column_width))
      ctx.nav.replace({core::Screen::kLogin, ""});
    ui::end_page(ctx);
    return;
  }
  if (!code_sent_) {
    ui::paragraph(ctx, "reset.intro", ctx.t("reset.intro"), ui::Theme::kMutedText);
    ui::text_field(ctx, "reset.phone", ctx.t("account.phone"), phone_,
                   {.placeholder = "09xx xxx xxx", .input = "tel", .error = error_.field("phone")});
    if (!error_.message.empty() && error_.fields.empty())
      ui::status_banner(ctx, "reset.error", error_.message.c_str());
    if (ui::button(ctx, "reset.send", ctx.t("reset.send"), ui::ButtonKind::kPrimary,
                   page.column_width) &&
        !request_.waiting()) {
      error_ = {};
      request_.start(ctx.api, "POST", "/api/v1/password-resets",
                     nlohmann::json{{"phone", phone_}}.dump());
    }
    ui::end_page(ctx);
    return;
  }
  const std::string sent = std::string(ctx.t("reset.sent")) + " " + phone_masked_ + ".";
  ui::paragraph(ctx, "reset.sent", sent.c_str(), ui::Theme::kMutedText);
  ui::text_field(ctx, "reset.code", ctx.t("verify.code"), code_,
                 {.placeholder = "123456", .input = "otp", .error = error_.field("code")});
  ui::text_field(ctx, "reset.password", ctx.t("security.new"), password_,
                 {.placeholder = ctx.t("register.password_hint"),
                  .input = "new-password",
                  .error = error_.field("new_password")});
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "reset.error", error_.message.c_str());
  if (ui::button(ctx, "reset.confirm", ctx.t("reset.confirm"), ui::ButtonKind::kPrimary,
                 page.column_width) &&
      !confirm_.waiting()) {
    error_ = {};
    nlohmann::json body = {{"phone", phone_}, {"code", code_}, {"new_password", password_}};
    confirm_.start(ctx.api, "POST", "/api/v1/password-resets/confirm", body.dump());
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
