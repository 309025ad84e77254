#include "core/payment_order.h"

#include <array>

namespace cdscb::core {
namespace {

struct StatusRow {
  OrderStatus status;
  std::string_view name;
  std::string_view label_key;
};

constexpr std::array<StatusRow, 7> kStatuses{{
    {OrderStatus::kCreated, "created", "payments.status.created"},
    {OrderStatus::kPending, "pending", "payments.status.pending"},
    {OrderStatus::kPaid, "paid", "payments.status.paid"},
    {OrderStatus::kDelivered, "delivered", "payments.status.delivered"},
    {OrderStatus::kFailed, "failed", "payments.status.failed"},
    {OrderStatus::kExpired, "expired", "payments.status.expired"},
    {OrderStatus::kRefunded, "refunded", "payments.status.refunded"},
}};

struct TransitionRow {
  OrderStatus from;
  OrderEvent event;
  OrderStatus to;
};

// Every allowed change; anything else is refused.
constexpr std::array<TransitionRow, 11> kTransitions{{
    {OrderStatus::kCreated, OrderEvent::kStart, OrderStatus::kPending},
    {OrderStatus::kCreated, OrderEvent::kExpire, OrderStatus::kExpired},
    {OrderStatus::kPending, OrderEvent::kPay, OrderStatus::kPaid},
    {OrderStatus::kPending, OrderEvent::kFail, OrderStatus::kFailed},
    {OrderStatus::kPending, OrderEvent::kExpire, OrderStatus::kExpired},
    // A late notification: the money was taken after the order's time ran out.
    {OrderStatus::kExpired, OrderEvent::kPay, OrderStatus::kPaid},
    // A QR shown (pending) and a VNPay attempt (pending) can both be open; starting again is fine.
    {OrderStatus::kPending, OrderEvent::kStart, OrderStatus::kPending},
    {OrderStatus::kPaid, OrderEvent::kDeliver, OrderStatus::kDelivered},
    {OrderStatus::kPaid, OrderEvent::kRefund, OrderStatus::kRefunded},
    {OrderStatus::kDelivered, OrderEvent::kRefund, OrderStatus::kRefunded},
    {OrderStatus::kCreated, OrderEvent::kFail, OrderStatus::kFailed},
}};

const StatusRow& row(OrderStatus status) {
  for (const auto& r : kStatuses)
    if (r.status == status) return r;
  return kStatuses[0];
}

}  // namespace

std::string_view order_status_name(OrderStatus status) { return row(status).name; }

std::string_view order_status_label_key(OrderStatus status) { return row(status).label_key; }

std::optional<OrderStatus> parse_order_status(std::string_view name) {
  for (const auto& r : kStatuses)
    if (r.name == name) return r.status;
  return std::nullopt;
}

std::optional<OrderStatus> next_order_status(OrderStatus from, OrderEvent event) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.event == event) return t.to;
  return std::nullopt;
}

bool order_holds_bills(OrderStatus status) {
  return status == OrderStatus::kCreated || status == OrderStatus::kPending ||
         status == OrderStatus::kPaid || status == OrderStatus::kDelivered;
}

bool order_is_final(OrderStatus status) {
  return status == OrderStatus::kDelivered || status == OrderStatus::kFailed ||
         status == OrderStatus::kRefunded;
}

}  // namespace cdscb::core
