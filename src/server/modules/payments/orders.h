// Payment orders in the database: one per set of bills paid together. Every change of status is
// conditional on the status read (core/payment_order.h has the table), so two notifications
// racing for one order book it once.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/payment_order.h"
#include "db/database.h"

namespace cdscb::server::payments {

struct OrderBill {
  std::string bill_id;
  std::string period;
  std::int64_t amount = 0;
  std::string due_date;
};

// What an order pays (payment_orders.purpose): a provider's bills, delivered to it by a job; or
// the fee of a dossier ("Dịch vụ công"), whose one line is the dossier (bill_id = its code,
// customer_code too) and whose `provider` is the receiving agency: booking it is the dossier's
// fee-paid action (PaymentsDeps::dossier_fee_paid), in the booking's transaction.
inline constexpr char kPurposeBills[] = "bills";
inline constexpr char kPurposeDossierFee[] = "dossier_fee";

struct Order {
  long long id = 0;
  std::string purpose = kPurposeBills;
  std::optional<std::string> payee_name;  // a dossier fee's agency name
  std::string code;  // "CDS2612021234567": our vnp_TxnRef and the VietQR purpose
  long long user_id = 0;
  std::string service;
  std::string provider;
  std::string customer_code;
  std::string customer_name;     // masked
  std::string customer_address;  // masked
  std::int64_t amount = 0;
  core::OrderStatus status = core::OrderStatus::kCreated;
  std::optional<std::string> method;  // "vnpay" or "vietqr", once the citizen chose
  long long created_at = 0;
  long long expires_at = 0;
  long long updated_at = 0;
  std::optional<long long> gateway_started_at;
  std::optional<long long> paid_at;
  std::optional<std::int64_t> paid_amount;
  std::optional<std::string> gateway_transaction;
  std::optional<std::string> bank_code;
  std::optional<long long> delivered_at;
  std::optional<std::string> provider_payment_id;
  std::optional<std::string> delivery_problem;
  std::vector<OrderBill> bills;  // oldest period first
};

// The order with `code`, its bills too; `lock`: FOR UPDATE on PostgreSQL (inside a Transaction).
std::optional<Order> find_order(soci::session& sql, db::Backend backend, const std::string& code,
                                bool lock = false);

// Which orders a list shows; empty members don't filter.
struct OrderFilter {
  long long user_id = 0;  // 0: everyone's (admins)
  std::string status;
  std::string provider;
  std::string service;          // "electricity", "water", "telecom"
  std::string code;             // an order code or a customer code, exactly
  long long created_from = 0;   // Unix seconds, inclusive; 0: no bound
  long long created_until = 0;  // Unix seconds, exclusive; 0: no bound
};

// A page of orders, newest first, below `before_id` (0: from the newest); two queries whatever
// the page size.
std::vector<Order> list_orders(soci::session& sql, const OrderFilter& filter, long long before_id,
                               long long limit);
inline std::vector<Order> orders_of(soci::session& sql, long long user_id, long long before_id,
                                    long long limit) {
  return list_orders(sql, {.user_id = user_id}, before_id, limit);
}

struct NewOrder {
  long long user_id = 0;
  std::string purpose = kPurposeBills;
  std::optional<std::string> payee_name;
  std::string service;
  std::string provider;
  std::string customer_code;
  std::string customer_name;
  std::string customer_address;
  std::vector<OrderBill> bills;
  long long now = 0;
  long long lifetime = 0;  // seconds until it expires unpaid
};

struct CreatedOrder {
  Order order;
  bool created = false;  // false: the caller's live order of exactly these bills
};

// In one Transaction: holds every bill for the new order, or returns the caller's live order of
// exactly these bills. HttpError 409 "bill_in_payment" when another live order holds one of them,
// "bill_already_paid" when a paid one does.
CreatedOrder create_order(soci::session& sql, db::Backend backend, const NewOrder& order);

// Moves the order from `from` along `event` when the table allows it and the row still has
// `from`; false when it had changed meanwhile (or the table refuses). The columns of `order` that
// go with the event (paid_at, gateway fields, delivered_at, …) are written too. A failed or
// expired order releases its bills.
bool change_status(soci::session& sql, const Order& order, core::OrderStatus from,
                   core::OrderEvent event, long long now);

// Marks the order started with `method` at `now` (created → pending, or pending again); false
// when it is in another state or, with `unexpired_only`, its time has run out.
bool start_payment(soci::session& sql, const Order& order, const std::string& method, long long now,
                   bool unexpired_only = true);

// Notes what the provider said when it refused the delivery of a paid order.
void set_delivery_problem(soci::session& sql, long long order_id, const std::string& problem);

// Keeps one message of a partner verbatim: source "vnpay_ipn", "vnpay_return", "vietqr",
// "provider", "querydr"…; outcome what we made of it ("booked", "duplicate", "bad_amount", …).
void record_event(soci::session& sql, std::optional<long long> order_id, const std::string& source,
                  const std::string& outcome, const std::string& message, long long now);

// Orders paid in [from, to) (Unix seconds) and still paid, delivered or refunded: one day's book.
std::vector<Order> orders_paid_between(soci::session& sql, long long from, long long to);

struct PartnerMessage {
  std::string source;
  std::string outcome;
  std::string message;
  long long received_at = 0;
};
std::vector<PartnerMessage> messages_of(soci::session& sql, long long order_id);
// Messages received in [from, to) that could not be booked as they came (wrong amount, a second
// transfer, an unknown order, another account), for reconciliation.
std::vector<PartnerMessage> anomalies_between(soci::session& sql, long long from, long long to);

}  // namespace cdscb::server::payments
