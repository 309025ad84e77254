#include "app/screens/services_filing_receipt.h"

#include "app/api/json.h"
#include "app/platform/redirect.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_filing_procedure.h"
#include "app/ui/qr_code.h"
#include "app/ui/widgets.h"
#include "core/money.h"
#include "core/routes.h"

namespace cdscb::app::screens {
std::string dossier_lookup_link(std::string_view code) {
  return platform::redirect::page_origin() + "/" +
         core::route_hash(core::services_route(core::ServicesPage::kLookup, code));
}

void FilingReceipt::enter(AppContext& ctx, const std::string& code) {
  if (code == code_ && owner_ == ctx.session.owner() && (loaded_ || load_.waiting())) return;
  code_ = code;
  owner_ = ctx.session.owner();
  loaded_ = false;
  error_.clear();
  fee_error_.clear();
  receipt_ = nullptr;
  qr_ = ui::qr_matrix(dossier_lookup_link(code));
  if (ctx.session.user()) load_.start(ctx, "GET", "/api/v1/dossiers/" + code + "/receipt");
}

void FilingReceipt::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_) enter(ctx, code_);
  if (!payments_ui::require_account(ctx)) return;
  if (!loaded_ && !load_.waiting() && error_.empty()) enter(ctx, code_);
  if (auto r = load_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && body.is_object()) {
      receipt_ = feedback_ui::member(body, "receipt");
      loaded_ = true;
    } else {
      error_ = load_.error_text(ctx, *r);
    }
  }
  if (auto r = fee_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    const std::string order = api::str(feedback_ui::member(body, "order"), "code");
    if (r->ok() && !order.empty())
      pay_.start(ctx, "POST", "/api/v1/payments/orders/" + order + "/vnpay");
    else
      fee_error_ = fee_.error_text(ctx, *r);
  }
  if (auto r = pay_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    const std::string url = api::str(body, "pay_url");
    if (r->ok() && !url.empty())
      platform::redirect::go_to(url);  // back through the Return URL to the order's page
    else
      fee_error_ = pay_.error_text(ctx, *r);
  }
  if (!error_.empty() &&
      payments_ui::error_with_retry(ctx, "services.filing.receipt_error", error_, true, width)) {
    error_.clear();
    load_.start(ctx, "GET", "/api/v1/dossiers/" + code_ + "/receipt");
  }
  if (!loaded_) {
    if (load_.waiting())
      ui::paragraph(ctx, "services.filing.receipt_loading", ctx.t("common.loading"),
                    ui::Theme::kMutedText);
    return;
  }
  const auto& r = receipt_;
  ui::heading(ctx, "services.filing.receipt", ctx.t("services.filing.receipt"), 2);
  feedback_ui::fact(ctx, "services.filing.receipt_code", ctx.t("services.filing.code"),
                    api::str(r, "code"));
  feedback_ui::fact(ctx, "services.filing.receipt_procedure", ctx.t("services.filing.procedure"),
                    api::str(feedback_ui::member(r, "procedure"), "name"));
  feedback_ui::fact(ctx, "services.filing.receipt_agency", ctx.t("services.filing.agency"),
                    api::str(feedback_ui::member(r, "agency"), "name"));
  feedback_ui::fact(ctx, "services.filing.receipt_received", ctx.t("services.filing.received_at"),
                    feedback_ui::local_time(api::str(r, "received_at")));
  feedback_ui::fact(ctx, "services.filing.receipt_due", ctx.t("services.filing.due_at"),
                    feedback_ui::local_time(api::str(r, "due_at")));
  const auto& fee = feedback_ui::member(r, "fee");
  const bool fee_due = api::str(fee, "status") == "due";
  const std::string fee_text =
      fee.is_object()
          ? core::format_vnd(api::integer(fee, "amount")) + " · " +
                ctx.t(fee_due ? "services.filing.fee_unpaid" : "services.filing.fee_paid")
          : std::string(ctx.t("services.filing.free"));
  feedback_ui::fact(ctx, "services.filing.receipt_fee", ctx.t("services.filing.fee"), fee_text);
  ui::heading(ctx, "services.filing.receipt_papers", ctx.t("services.filing.papers_received"), 3);
  int i = 0;
  for (const auto& paper : feedback_ui::member(r, "papers")) {
    const std::string id = "services.filing.receipt_paper." + std::to_string(i++);
    const std::string text =
        api::str(paper, "name") + " (" + paper_form_label(ctx, api::str(paper, "form")) + ")";
    ui::paragraph(ctx, id.c_str(), text.c_str());
  }
  ui::paragraph(ctx, "services.filing.lookup_qr", ctx.t("services.filing.lookup_qr"),
                ui::Theme::kMutedText);
  ui::qr_code(ctx, "services.filing.receipt_qr", ctx.t("services.filing.lookup_qr"), qr_,
              std::min(width, 220.0f));
  const std::string pdf = "/api/v1/dossiers/" + code_ + "/receipt.pdf";
  if (ui::link(ctx, "services.filing.receipt_pdf", ctx.t("services.filing.receipt_pdf"), pdf))
    platform::redirect::go_to(pdf);
  if (fee_due) {
    if (!fee_error_.empty())
      ui::status_banner(ctx, "services.filing.fee_error", fee_error_.c_str());
    if (fee_.waiting() || pay_.waiting())
      ui::paragraph(ctx, "services.filing.fee_loading", ctx.t("payments.to_gateway"),
                    ui::Theme::kMutedText);
    else if (ui::button(ctx, "services.filing.pay_fee", ctx.t("services.filing.pay_fee"),
                        ui::ButtonKind::kPrimary, width)) {
      fee_error_.clear();
      fee_.start(ctx, "POST", "/api/v1/dossiers/" + code_ + "/fee", "{}");
    }
  }
}

}  // namespace cdscb::app::screens
