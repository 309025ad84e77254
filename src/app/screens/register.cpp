#include "app/screens/register.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void Register::take_answer(AppContext& ctx) {
  auto answer = call_.poll(ctx.api);
  if (!answer) return;
  if (!answer->ok()) {
    error_ = api::error_of(*answer);
    return;
  }
  auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  ctx.session.verification =
      state::PendingVerification{phone_, api::str(body, "phone_masked"),
                                 ImGui::GetTime() + api::integer(body, "resend_in", 60)};
  password_.clear();
  ctx.nav.replace({core::Screen::kVerifyPhone, ""});
}

void Register::draw(AppContext& ctx) {
  take_answer(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("register.title"), /*is_home=*/false);
  ui::paragraph(ctx, "register.intro", ctx.t("register.intro"), ui::Theme::kMutedText);
  ui::text_field(ctx, "register.name", ctx.t("account.full_name"), full_name_,
                 {.input = "name", .error = error_.field("full_name")});
  ui::text_field(ctx, "register.phone", ctx.t("account.phone"), phone_,
                 {.placeholder = "09xx xxx xxx", .input = "tel", .error = error_.field("phone")});
  ui::text_field(ctx, "register.password", ctx.t("account.password"), password_,
                 {.placeholder = ctx.t("register.password_hint"),
                  .input = "new-password",
                  .error = error_.field("password")});
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "register.error", error_.message.c_str());
  const bool busy = call_.waiting();
  if (ui::button(ctx, "register.submit", ctx.t(busy ? "register.submitting" : "register.submit"),
                 ui::ButtonKind::kPrimary, page.column_width) &&
      !busy) {
    error_ = {};
    nlohmann::json body = {{"full_name", full_name_}, {"phone", phone_}, {"password", password_}};
    call_.start(ctx.api, "POST", "/api/v1/accounts/register", body.dump());
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
