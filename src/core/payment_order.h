#pragma once
// The life of a payment order, as a table: the server checks every change against it and the app
// names each state. Payment and delivery are apart: "paid" means the gateway or the bank has
// booked the money; "delivered" means the bill provider has confirmed the bills paid. A paid
// order that is not yet delivered is visible as such and retried by a worker until confirmed
// (or refunded by an admin when the provider refuses it).
#include <optional>
#include <string_view>

namespace cdscb::core {

enum class OrderStatus { kCreated, kPending, kPaid, kDelivered, kFailed, kExpired, kRefunded };

// What happens to an order; each event is allowed from some states only.
enum class OrderEvent {
  kStart,    // the citizen is sent to the gateway or shown the QR
  kPay,      // the authoritative notification (VNPay IPN, bank transfer) booked the money
  kFail,     // the gateway reported the payment failed or cancelled
  kExpire,   // the order's time ran out without payment
  kDeliver,  // the provider confirmed the bills
  kRefund,   // an admin refunded it
};

// "created", "pending", "paid", "delivered", "failed", "expired", "refunded": what the database's
// payment_orders.status and the API hold.
std::string_view order_status_name(OrderStatus status);
std::optional<OrderStatus> parse_order_status(std::string_view name);
// The i18n key of its label ("payments.status.paid").
std::string_view order_status_label_key(OrderStatus status);

// The state after `event`, or nullopt when the table does not allow it from `from`. A payment
// notification for an expired order still books it (the money was taken: it is delivered or
// refunded, never ignored).
std::optional<OrderStatus> next_order_status(OrderStatus from, OrderEvent event);

// An order whose bills are taken: no second order may pay them while it is in this state.
bool order_holds_bills(OrderStatus status);
// The states that no event of the citizen's can change any more.
bool order_is_final(OrderStatus status);

}  // namespace cdscb::core
