#include "app/screens/payments_vietqr.h"

#include <cstdio>

#include "app/api/json.h"
#include "app/platform/qr_image.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/qr_code.h"
#include "app/ui/widgets.h"
#include "core/money.h"

namespace cdscb::app::screens {

void PaymentsVietQr::take_answers(AppContext& ctx) {
  if (auto r = call_.poll(ctx)) {
    auto body = nlohmann::json::parse(r->body, nullptr, false);
    const std::string payload = api::str(body, "payload");
    if (r->ok() && !payload.empty()) {
      matrix_ = ui::qr_matrix(payload);
      answer_ = std::move(body);
      error_.clear();
    } else {
      error_ = call_.error_text(ctx, *r);
      retry_ = r->status == 0 || r->status >= 500;
    }
  }
  if (!save_.empty()) {
    if (auto reply = ctx.replies.take(save_)) {
      save_.clear();
      const std::string result = api::str(nlohmann::json::parse(*reply, nullptr, false), "result");
      save_notice_ = ctx.t(result == "saved" ? "payments.qr_saved" : "payments.qr_save_failed");
    }
  }
}

void PaymentsVietQr::draw(AppContext& ctx, const nlohmann::json& order, float width) {
  const std::string code = api::str(order, "code");
  if (code != code_) {
    reset();
    code_ = code;
  }
  // The payload is the server's, amount included; asked once per visit of the page.
  const auto ask = [&] {
    call_.start(ctx, "POST", "/api/v1/payments/orders/" + code_ + "/vietqr");
  };
  if (!answer_.is_object() && error_.empty() && !call_.waiting()) ask();
  take_answers(ctx);
  ui::heading(ctx, "payments.result", ctx.t("payments.vietqr_title"), 2);
  if (!error_.empty()) {
    if (payments_ui::error_with_retry(ctx, "payments.vietqr_error", error_, retry_, width)) {
      error_.clear();
      ask();
    }
    return;
  }
  if (!answer_.is_object()) {
    ui::paragraph(ctx, "payments.vietqr_loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  ui::paragraph(ctx, "payments.vietqr_how", ctx.t("payments.vietqr_how"));
  char name[160];
  std::snprintf(name, sizeof name, ctx.t("payments.vietqr_image"), code_.c_str());
  // Most of a phone's width: a camera held at arm's length still sees every module.
  ui::qr_code(ctx, "payments.vietqr_qr", name, matrix_, width * 0.92f);
  feedback_ui::fact(ctx, "payments.vietqr_amount", ctx.t("payments.amount"),
                    core::format_vnd(api::integer(answer_, "amount")));
  feedback_ui::fact(ctx, "payments.vietqr_bank", ctx.t("payments.vietqr_bank"),
                    api::str(answer_, "bank_bin"));
  feedback_ui::fact(ctx, "payments.vietqr_account", ctx.t("payments.vietqr_account"),
                    api::str(answer_, "account"));
  feedback_ui::fact(ctx, "payments.vietqr_purpose", ctx.t("payments.vietqr_purpose"), code_);
  feedback_ui::fact(ctx, "payments.vietqr_expires", ctx.t("payments.vietqr_expires"),
                    payments_ui::time_text(api::str(answer_, "expires_at")));
  if (ui::button(ctx, "payments.vietqr_save", ctx.t("payments.vietqr_save"),
                 ui::ButtonKind::kSecondary, width) &&
      save_.empty()) {
    save_notice_.clear();
    save_ = ctx.replies.expect(
        platform::qr_image::save(ui::qr_rows(matrix_), "VietQR-" + code_ + ".png"));
  }
  if (!save_notice_.empty())
    ui::status_banner(ctx, "payments.vietqr_save_notice", save_notice_.c_str());
  ui::paragraph(ctx, "payments.vietqr_waiting", ctx.t("payments.vietqr_waiting"),
                ui::Theme::kMutedText);
}

}  // namespace cdscb::app::screens
