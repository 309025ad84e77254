#include "app/screens/payments_lookup.h"

#include <utility>

#include "app/api/json.h"
#include "app/platform/redirect.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/bill_codes.h"
#include "core/money.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

using feedback_ui::member;

// Failures worth asking again about: no answer, or the provider or server down for now.
bool may_retry(const api::Response& r) { return r.status == 0 || r.status >= 500; }

}  // namespace

void PaymentsLookup::reset() {
  code_error_.clear();
  lookup_.reset();
  order_call_.reset();
  vnpay_.reset();
  vietqr_.reset();
  result_ = nullptr;
  save_.reset();
  contact_name_.clear();
  contact_error_.clear();
  contact_notice_.clear();
  chosen_.clear();
  order_ = nullptr;
  error_.clear();
  retry_ = false;
}

void PaymentsLookup::enter(AppContext& ctx, const std::string& provider) {
  if (provider == provider_ && ctx.session.owner() == owner_) return;
  provider_ = provider;
  owner_ = ctx.session.owner();
  code_.clear();
  reset();
}

void PaymentsLookup::open_code(AppContext& ctx, const std::string& provider,
                               const std::string& code) {
  enter(ctx, provider);
  code_ = code;
  look_up_ = true;
}

void PaymentsLookup::draw_save(AppContext& ctx, float width) {
  if (auto r = save_.poll(ctx)) {
    if (r->ok()) {
      contact_notice_ = ctx.t("payments.contact_saved");
      contact_error_.clear();
    } else {
      const api::ApiError e = api::error_of(*r);
      contact_error_ = e.field("name").empty() ? save_.error_text(ctx, *r) : e.field("name");
    }
  }
  if (!contact_notice_.empty()) {
    ui::status_banner(ctx, "payments.contact_notice", contact_notice_.c_str());
    return;
  }
  ui::text_field(ctx, "payments.contact_name", ctx.t("payments.contact_name"), contact_name_,
                 {.placeholder = ctx.t("payments.contact_name_hint"), .error = contact_error_});
  if (save_.waiting()) return;
  if (ui::button(ctx, "payments.contact_save", ctx.t("payments.contact_save"),
                 ui::ButtonKind::kSecondary, width)) {
    const nlohmann::json body{{"provider", provider_},
                              {"customer_code", api::str(result_, "customer_code")},
                              {"name", contact_name_}};
    save_.start(ctx, "POST", "/api/v1/payments/contacts", body.dump());
  }
}

void PaymentsLookup::start_lookup(AppContext& ctx, const payments_ui::Provider& provider) {
  const core::BillCodeCheck check = core::check_bill_code(provider.id, code_);
  reset();
  if (!check.error_key.empty()) {
    code_error_ = ctx.t(check.error_key);
    return;
  }
  code_ = check.code;
  const nlohmann::json body{{"provider", provider_}, {"customer_code", check.code}};
  lookup_.start(ctx, "POST", "/api/v1/payments/lookup", body.dump());
  retry_what_ = Retry::kLookup;
}

void PaymentsLookup::take_answers(AppContext& ctx) {
  const auto failed = [&](const payments_ui::TimedCall& call, const api::Response& r, Retry what) {
    const api::ApiError e = api::error_of(r);
    code_error_ = e.field("customer_code");
    error_ = code_error_.empty() ? call.error_text(ctx, r) : "";
    if (!e.field("bill_ids").empty()) error_ = e.field("bill_ids");
    retry_ = what != Retry::kOrder && may_retry(r);  // "Thanh toán" stays to ask again
    retry_what_ = what;
  };
  if (auto r = lookup_.poll(ctx)) {
    auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && body.is_object()) {
      result_ = std::move(body);
      chosen_.assign(member(result_, "bills").size(), true);  // all of the debt, as a bill is
    } else {
      failed(lookup_, *r, Retry::kLookup);
    }
  }
  if (auto r = order_call_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && member(body, "order").is_object())
      order_ = member(body, "order");
    else
      failed(order_call_, *r, Retry::kOrder);
  }
  if (auto r = vnpay_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    const std::string url = api::str(body, "pay_url");
    if (r->ok() && !url.empty())
      platform::redirect::go_to(url);  // back through the Return URL to #/thanh-toan/don/<code>
    else
      failed(vnpay_, *r, Retry::kVnpay);
  }
  if (auto r = vietqr_.poll(ctx)) {
    if (r->ok())  // the order now waits for a transfer; its page shows the QR
      ctx.nav.go(core::payments_route(core::PaymentsPage::kOrder, api::str(order_, "code")));
    else
      failed(vietqr_, *r, Retry::kVietqr);
  }
}

// Oldest first: a newer period comes with every older one, and leaving an older one out leaves
// the newer ones out too.
void PaymentsLookup::choose(std::size_t index, bool chosen) {
  for (std::size_t i = 0; i < chosen_.size(); ++i) {
    if (chosen && i <= index) chosen_[i] = true;
    if (!chosen && i >= index) chosen_[i] = false;
  }
}

void PaymentsLookup::draw_bills(AppContext& ctx, float width) {
  const auto& customer = member(result_, "customer");
  feedback_ui::fact(ctx, "payments.customer", ctx.t("payments.customer"),
                    api::str(customer, "name"));
  feedback_ui::fact(ctx, "payments.address", ctx.t("payments.address"),
                    api::str(customer, "address"));
  const auto& bills = member(result_, "bills");
  if (!bills.is_array() || bills.empty()) {
    ui::status_banner(ctx, "payments.no_debt", ctx.t("payments.no_debt"));
    return;
  }
  ui::heading(ctx, "payments.bills", ctx.t("payments.bills"), 2);
  std::vector<std::string> ids;
  long long chosen_total = 0;
  for (std::size_t i = 0; i < bills.size() && i < chosen_.size(); ++i) {
    const auto& bill = bills[i];
    const std::string label = std::string(ctx.t("payments.period")) + " " +
                              payments_ui::period_text(api::str(bill, "period")) + " · " +
                              core::format_vnd(api::integer(bill, "amount")) + " · " +
                              ctx.t("payments.due") + " " +
                              core::vietnam_day_text(api::str(bill, "due_date"));
    bool value = chosen_[i];
    const std::string id = "payments.bill." + std::to_string(i);
    if (ui::checkbox(ctx, id.c_str(), label.c_str(), value) && !order_.is_object())
      choose(i, value);
    if (chosen_[i]) {
      ids.push_back(api::str(bill, "bill_id"));
      chosen_total += api::integer(bill, "amount");
    }
  }
  feedback_ui::fact(ctx, "payments.total", ctx.t("payments.total"),
                    core::format_vnd(api::integer(result_, "total")));
  if (order_.is_object()) return;
  feedback_ui::fact(ctx, "payments.chosen", ctx.t("payments.chosen"),
                    core::format_vnd(chosen_total));
  if (order_call_.waiting()) {
    ui::paragraph(ctx, "payments.ordering", ctx.t("common.loading"), ui::Theme::kMutedText);
  } else if (!ids.empty() && ui::button(ctx, "payments.pay", ctx.t("payments.pay"),
                                        ui::ButtonKind::kPrimary, width)) {
    error_.clear();
    const nlohmann::json body{{"provider", provider_},
                              {"customer_code", api::str(result_, "customer_code")},
                              {"bill_ids", ids}};
    order_call_.start(ctx, "POST", "/api/v1/payments/orders", body.dump());
  }
}

void PaymentsLookup::start_method(AppContext& ctx, Retry method) {
  const bool vnpay = method == Retry::kVnpay;
  (vnpay ? vnpay_ : vietqr_)
      .start(
          ctx, "POST",
          "/api/v1/payments/orders/" + api::str(order_, "code") + (vnpay ? "/vnpay" : "/vietqr"));
}

void PaymentsLookup::draw_methods(AppContext& ctx, const payments_ui::Providers& providers,
                                  float width) {
  ui::heading(ctx, "payments.method", ctx.t("payments.method"), 2);
  // The amount to pay is the server's order, never the sum the app made.
  feedback_ui::fact(ctx, "payments.order_amount", ctx.t("payments.amount"),
                    core::format_vnd(api::integer(order_, "amount")));
  feedback_ui::fact(ctx, "payments.order_code", ctx.t("payments.order_code"),
                    api::str(order_, "code"));
  if (vnpay_.waiting() || vietqr_.waiting()) {
    ui::paragraph(ctx, "payments.to_gateway",
                  ctx.t(vnpay_.waiting() ? "payments.to_gateway" : "common.loading"),
                  ui::Theme::kMutedText);
    return;
  }
  if (providers.vnpay() &&
      ui::button(ctx, "payments.vnpay", ctx.t("payments.vnpay"), ui::ButtonKind::kPrimary, width)) {
    error_.clear();
    start_method(ctx, Retry::kVnpay);
  }
  if (providers.vietqr() && ui::button(ctx, "payments.vietqr", ctx.t("payments.vietqr"),
                                       ui::ButtonKind::kPrimary, width)) {
    error_.clear();
    start_method(ctx, Retry::kVietqr);
  }
  if (!providers.vnpay() && !providers.vietqr())
    ui::paragraph(ctx, "payments.no_method", ctx.t("payments.no_method"), ui::Theme::kMutedText);
}

void PaymentsLookup::draw(AppContext& ctx, const payments_ui::Providers& providers, float width) {
  if (ctx.session.owner() != owner_) {  // signed out or another account: nothing of the last
    owner_ = ctx.session.owner();
    code_.clear();
    reset();
  }
  if (!payments_ui::require_account(ctx)) return;
  const auto* provider = providers.find(provider_);
  if (!provider) return;  // the page shows the providers' wait or failure
  take_answers(ctx);
  if (std::exchange(look_up_, false)) start_lookup(ctx, *provider);
  ui::heading(ctx, "payments.provider_name", provider->name.c_str(), 2);
  const bool typed = ui::text_field(ctx, "payments.code", ctx.t("payments.code"), code_,
                                    {.input = "text", .error = code_error_});
  if (typed) code_error_.clear();
  if (lookup_.waiting()) {
    ui::paragraph(ctx, "payments.looking", ctx.t("payments.looking"), ui::Theme::kMutedText);
  } else if (ui::button(ctx, "payments.lookup", ctx.t("payments.lookup"),
                        order_.is_object() ? ui::ButtonKind::kSecondary : ui::ButtonKind::kPrimary,
                        width)) {
    start_lookup(ctx, *provider);
  }
  if (!error_.empty() &&
      payments_ui::error_with_retry(ctx, "payments.error", error_, retry_, width)) {
    error_.clear();
    if (retry_what_ == Retry::kLookup) start_lookup(ctx, *provider);
    if (retry_what_ == Retry::kVnpay || retry_what_ == Retry::kVietqr)
      start_method(ctx, retry_what_);
  }
  if (result_.is_object()) draw_bills(ctx, width);
  if (order_.is_object()) draw_methods(ctx, providers, width);
  if (result_.is_object() && !order_.is_object()) draw_save(ctx, width);
}

}  // namespace cdscb::app::screens
