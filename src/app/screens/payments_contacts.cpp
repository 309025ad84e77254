#include "app/screens/payments_contacts.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/bill_codes.h"

namespace cdscb::app::screens {

namespace {
constexpr char kPath[] = "/api/v1/payments/contacts";
}  // namespace

void PaymentsContacts::enter(AppContext& ctx) {
  owner_ = ctx.session.owner();
  items_ = nlohmann::json::array();
  error_.clear();
  loaded_ = false;
  from_cache_ = false;
  list_.reset();
  cache_.open(owner_, ctx.replies);
  if (ctx.session.user()) list_.start(ctx, "GET", kPath);
}

std::optional<std::pair<std::string, std::string>> PaymentsContacts::draw(AppContext& ctx,
                                                                          float width) {
  if (ctx.session.owner() != owner_ ||
      (ctx.session.user() && !loaded_ && !list_.waiting() && error_.empty()))
    enter(ctx);  // another account's codes are never shown
  if (!payments_ui::require_account(ctx)) return std::nullopt;
  std::optional<std::pair<std::string, std::string>> open;
  if (auto r = list_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && feedback_ui::member(body, "items").is_array()) {
      items_ = feedback_ui::member(body, "items");
      loaded_ = true;
      from_cache_ = false;
      error_.clear();
      cache_.keep(owner_, r->body);
    } else {
      error_ = list_.error_text(ctx, *r);
    }
  }
  if (auto kept = cache_.take(ctx.replies); kept && !loaded_) {
    const auto body = nlohmann::json::parse(*kept, nullptr, false);
    if (feedback_ui::member(body, "items").is_array()) {
      items_ = feedback_ui::member(body, "items");
      loaded_ = from_cache_ = true;
    }
  }
  if (auto r = remove_.poll(ctx)) {
    if (r->ok() || r->status == 404)
      list_.start(ctx, "GET", kPath);
    else
      error_ = remove_.error_text(ctx, *r);
  }
  if (!error_.empty() && payments_ui::error_with_retry(
                             ctx, "payments.contacts_error",
                             from_cache_ ? ctx.t("payments.offline_copy") : error_, true, width)) {
    error_.clear();
    list_.start(ctx, "GET", kPath);
  }
  if (!loaded_) {
    if (list_.waiting())
      ui::paragraph(ctx, "payments.contacts_loading", ctx.t("common.loading"),
                    ui::Theme::kMutedText);
    return open;
  }
  if (items_.empty())
    ui::paragraph(ctx, "payments.contacts_empty", ctx.t("payments.contacts_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "payments.contact." + std::to_string(i++);
    const std::string name = api::str(item, "name");
    // Named from core's table, so the list reads the same offline.
    const auto* provider = core::find_bill_provider(api::str(item, "provider"));
    const std::string line = (provider ? std::string(provider->name) : api::str(item, "provider")) +
                             " · " + api::str(item, "customer_code");
    if (feedback_ui::card(ctx, id.c_str(), name, line))
      open = {{api::str(item, "provider"), api::str(item, "customer_code")}};
    const std::string remove_name = std::string(ctx.t("payments.contact_delete")) + " " + name;
    if (!remove_.waiting() &&
        ui::button(ctx, (id + ".delete").c_str(), ctx.t("payments.contact_delete"), remove_name,
                   ui::ButtonKind::kSecondary, width / 3)) {
      remove_.start(ctx, "DELETE",
                    std::string(kPath) + "/" + std::to_string(api::integer(item, "id")));
    }
  }
  return open;
}

}  // namespace cdscb::app::screens
