#include "modules/payments/delivery.h"

#include <stdexcept>

#include "util/log.h"

namespace cdscb::server::payments {
namespace {

using integrations::bills::Failure;

void deliver(const PaymentsDeps& deps, const std::string& code) {
  std::optional<Order> order;
  {
    soci::session sql(deps.database.pool());
    order = find_order(sql, deps.database.backend(), code);
  }
  if (!order) throw jobs::PermanentFailure("no order " + code);
  if (order->status != core::OrderStatus::kPaid) return;  // delivered meanwhile, or refunded
  auto* client = deps.providers->client(order->provider);
  if (!client) throw std::runtime_error("provider " + order->provider + " is not configured");
  integrations::bills::ConfirmRequest request{order->code, order->customer_code, {}, order->amount};
  for (const auto& bill : order->bills) request.bill_ids.push_back(bill.bill_id);
  // No session is held while the provider answers.
  const auto outcome = client->confirm(request);
  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  if (!outcome.value) {
    const bool later =
        outcome.failure == Failure::kUnavailable || outcome.failure == Failure::kRetryLater;
    db::Transaction transaction(sql, deps.database.backend());
    record_event(sql, order->id, "provider", later ? "retry" : "refused", outcome.detail, now);
    if (!later) set_delivery_problem(sql, order->id, outcome.detail);
    transaction.commit();
    if (later) throw std::runtime_error("provider " + order->provider + ": " + outcome.detail);
    throw jobs::PermanentFailure("provider " + order->provider + " refused " + code + ": " +
                                 outcome.detail);
  }
  db::Transaction transaction(sql, deps.database.backend());
  auto current = find_order(sql, deps.database.backend(), code, true);
  if (!current || current->status != core::OrderStatus::kPaid) return;
  current->delivered_at = now;
  current->provider_payment_id = outcome.value->payment_id;
  change_status(sql, *current, core::OrderStatus::kPaid, core::OrderEvent::kDeliver, now);
  record_event(sql, current->id, "provider", "delivered",
               nlohmann::json({{"payment_id", outcome.value->payment_id},
                               {"confirmed_at", outcome.value->confirmed_at},
                               {"amount", outcome.value->amount}})
                   .dump(),
               now);
  transaction.commit();
  util::log_info("payments: order " + code + " delivered to " + current->provider);
}

}  // namespace

void register_delivery(const PaymentsDeps& deps) {
  jobs::KindOptions options;
  options.max_attempts = 12;  // 10 s doubling to half an hour: about a day of retries
  options.first_backoff = std::chrono::seconds(10);
  options.max_backoff = std::chrono::seconds(1800);
  deps.jobs.handle(
      std::string(kDeliverJob),
      [deps](const nlohmann::json& payload) {
        const auto it = payload.find("order");
        if (it == payload.end() || !it->is_string()) throw jobs::PermanentFailure("no order code");
        deliver(deps, it->get<std::string>());
      },
      options);
}

void queue_delivery(jobs::Jobs& jobs, soci::session& sql, const Order& order) {
  jobs.enqueue(sql, std::string(kDeliverJob), {{"order", order.code}});
}

}  // namespace cdscb::server::payments
