#include "app/screens/verify_phone.h"

#include <imgui.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/inbox.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void VerifyPhone::take_answers(AppContext& ctx) {
  if (auto answer = verify_.poll(ctx.api)) {
    if (answer->ok()) {
      if (auto user = state::user_from_json(answer->body)) ctx.session.signed_in(*user);
      ctx.session.verification.reset();
      code_.clear();
      ctx.nav.replace({core::Screen::kHome, ""});
      return;
    }
    error_ = api::error_of(*answer);
  }
  if (auto answer = resend_.poll(ctx.api)) {
    auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    auto& pending = *ctx.session.verification;
    if (answer->ok()) {
      notice_ = ctx.t("verify.resent");
      pending.resend_at = ImGui::GetTime() + api::integer(body, "resend_in", 60);
    } else {
      error_ = api::error_of(*answer);
      if (long long wait = api::integer(body, "retry_after"); wait > 0)
        pending.resend_at = ImGui::GetTime() + wait;
    }
  }
}

void VerifyPhone::draw_resend(AppContext& ctx, float width) {
  const double left = ctx.session.verification->resend_at - ImGui::GetTime();
  if (left > 0) {
    const int seconds = static_cast<int>(std::ceil(left));
    std::string text =
        std::string(ctx.t("verify.resend_in")) + " " + std::to_string(seconds) + " s";
    ui::paragraph(ctx, "verify.countdown", text.c_str(), ui::Theme::kMutedText);
    if (seconds != woken_for_second_) {  // one timer per second shown, not one per frame
      woken_for_second_ = seconds;
      platform::request_wake_after(left - (seconds - 1));  // redraw when the number changes
    }
    return;
  }
  woken_for_second_ = -1;
  if (ui::button(ctx, "verify.resend", ctx.t("verify.resend"), ui::ButtonKind::kSecondary, width) &&
      !resend_.waiting()) {
    error_ = {};
    notice_.clear();
    nlohmann::json body = {{"phone", ctx.session.verification->phone}, {"purpose", "register"}};
    resend_.start(ctx.api, "POST", "/api/v1/accounts/resend", body.dump());
  }
}

void VerifyPhone::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("verify.title"), /*is_home=*/false);
  if (!ctx.session.verification) {
    // Opened without a registration in progress (a reload, a shared link).
    ui::paragraph(ctx, "verify.none", ctx.t("verify.none"), ui::Theme::kMutedText);
    if (ui::button(ctx, "verify.to_login", ctx.t("login.title"), ui::ButtonKind::kPrimary,
                   page.column_width))
      ctx.nav.replace({core::Screen::kLogin, ""});
    ui::end_page(ctx);
    return;
  }
  const auto& pending = *ctx.session.verification;
  std::string intro = std::string(ctx.t("verify.intro")) + " " +
                      (pending.phone_masked.empty() ? pending.phone : pending.phone_masked) + ".";
  ui::paragraph(ctx, "verify.intro", intro.c_str(), ui::Theme::kMutedText);
  ui::text_field(ctx, "verify.code", ctx.t("verify.code"), code_,
                 {.placeholder = "123456", .input = "otp", .error = error_.field("code")});
  if (!notice_.empty()) ui::status_banner(ctx, "verify.notice", notice_.c_str());
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "verify.error", error_.message.c_str());
  const bool busy = verify_.waiting();
  if (ui::button(ctx, "verify.submit", ctx.t("verify.submit"), ui::ButtonKind::kPrimary,
                 page.column_width) &&
      !busy) {
    error_ = {};
    notice_.clear();
    nlohmann::json body = {{"phone", pending.phone}, {"code", code_}};
    verify_.start(ctx.api, "POST", "/api/v1/accounts/verify", body.dump());
  }
  draw_resend(ctx, page.column_width);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
