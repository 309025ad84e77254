#include "modules/payments/orders.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/time_text.h"
#include "db/nullable_text.h"
#include "http/response.h"
#include "modules/payments/messages.h"
#include "security/crypto.h"

namespace cdscb::server::payments {
namespace {

using db::Nullable;
using db::NullableText;

constexpr const char* kOrderColumns =
    "id, code, user_id, service, provider, customer_code, customer_name, customer_address, "
    "amount, status, method, created_at, expires_at, updated_at, gateway_started_at, paid_at, "
    "paid_amount, gateway_transaction, bank_code, delivered_at, provider_payment_id, "
    "delivery_problem, purpose, payee_name";

// One row of kOrderColumns, read with into().
struct OrderRow {
  long long id = 0, user_id = 0, amount = 0, created_at = 0, expires_at = 0, updated_at = 0;
  std::string code, service, provider, customer_code, customer_name, customer_address, status;
  std::string purpose;
  NullableText payee_name;
  NullableText method, gateway_transaction, bank_code, provider_payment_id, delivery_problem;
  Nullable<long long> gateway_started_at, paid_at, paid_amount, delivered_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(service));
    st.exchange(soci::into(provider));
    st.exchange(soci::into(customer_code));
    st.exchange(soci::into(customer_name));
    st.exchange(soci::into(customer_address));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(status));
    st.exchange(soci::into(method.value, method.indicator));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(expires_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(gateway_started_at.value, gateway_started_at.indicator));
    st.exchange(soci::into(paid_at.value, paid_at.indicator));
    st.exchange(soci::into(paid_amount.value, paid_amount.indicator));
    st.exchange(soci::into(gateway_transaction.value, gateway_transaction.indicator));
    st.exchange(soci::into(bank_code.value, bank_code.indicator));
    st.exchange(soci::into(delivered_at.value, delivered_at.indicator));
    st.exchange(soci::into(provider_payment_id.value, provider_payment_id.indicator));
    st.exchange(soci::into(delivery_problem.value, delivery_problem.indicator));
    st.exchange(soci::into(purpose));
    st.exchange(soci::into(payee_name.value, payee_name.indicator));
  }

  Order order() const {
    Order o;
    o.id = id;
    o.code = code;
    o.user_id = user_id;
    o.service = service;
    o.provider = provider;
    o.customer_code = customer_code;
    o.customer_name = customer_name;
    o.customer_address = customer_address;
    o.amount = amount;
    o.status = core::parse_order_status(status).value_or(core::OrderStatus::kFailed);
    o.method = method.get();
    o.created_at = created_at;
    o.expires_at = expires_at;
    o.updated_at = updated_at;
    o.gateway_started_at = gateway_started_at.get();
    o.paid_at = paid_at.get();
    if (const auto paid = paid_amount.get()) o.paid_amount = *paid;
    o.gateway_transaction = gateway_transaction.get();
    o.bank_code = bank_code.get();
    o.delivered_at = delivered_at.get();
    o.provider_payment_id = provider_payment_id.get();
    o.delivery_problem = delivery_problem.get();
    o.purpose = purpose;
    o.payee_name = payee_name.get();
    return o;
  }
};

// The bills of the orders with ids in [min_id, max_id] (of `user_id` only, when not 0), by
// order id: one query for a whole page of orders.
std::map<long long, std::vector<OrderBill>> bills_between(soci::session& sql, long long min_id,
                                                          long long max_id, long long user_id = 0) {
  std::map<long long, std::vector<OrderBill>> bills;
  long long order_id = 0, amount = 0;
  OrderBill bill;
  soci::statement st =
      (sql.prepare << "SELECT b.order_id, b.bill_id, b.period, b.amount, b.due_date FROM "
                      "payment_order_bills b JOIN payment_orders o ON o.id = b.order_id "
                      "WHERE b.order_id BETWEEN :min_id AND :max_id AND (:user_id = 0 OR "
                      "o.user_id = :user_id2) ORDER BY b.order_id, b.position",
       soci::use(min_id), soci::use(max_id), soci::use(user_id), soci::use(user_id),
       soci::into(order_id), soci::into(bill.bill_id), soci::into(bill.period), soci::into(amount),
       soci::into(bill.due_date));
  st.execute();
  while (st.fetch()) {
    bill.amount = amount;
    bills[order_id].push_back(bill);
  }
  return bills;
}

// "CDS" + the day in Vietnam (yymmdd) + 8 random digits: unique in practice (the column is
// UNIQUE all the same), and nothing in it counts the province's orders.
std::string new_order_code(long long now) {
  return "CDS" + core::vietnam_compact_time(now).substr(2, 6) + security::random_digits(8);
}

bool same_bills(const Order& order, const std::vector<OrderBill>& bills) {
  std::vector<std::string> a, b;
  for (const auto& bill : order.bills) a.push_back(bill.bill_id);
  for (const auto& bill : bills) b.push_back(bill.bill_id);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

}  // namespace

std::optional<Order> find_order(soci::session& sql, db::Backend backend, const std::string& code,
                                bool lock) {
  OrderRow row;
  soci::statement st(sql);
  st.alloc();
  row.bind(st);
  std::string query = std::string("SELECT ") + kOrderColumns +
                      " FROM payment_orders WHERE code = :code" +
                      (lock ? db::for_update(backend) : "");
  std::string bound = code;
  st.exchange(soci::use(bound));
  st.prepare(query);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  Order order = row.order();
  order.bills = std::move(bills_between(sql, order.id, order.id)[order.id]);
  return order;
}

std::vector<Order> list_orders(soci::session& sql, const OrderFilter& filter, long long before_id,
                               long long limit) {
  OrderRow row;
  soci::statement st(sql);
  st.alloc();
  row.bind(st);
  const long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
  // Filters as SQL conditions on bound values, so each is a column the indexes lead with.
  std::string where = "id < :before";
  st.exchange(soci::use(before));
  if (filter.user_id != 0) {
    where += " AND user_id = :user_id";
    st.exchange(soci::use(filter.user_id));
  }
  if (!filter.status.empty()) {
    where += " AND status = :status";
    st.exchange(soci::use(filter.status));
  }
  if (!filter.provider.empty()) {
    where += " AND provider = :provider";
    st.exchange(soci::use(filter.provider));
  }
  if (!filter.service.empty()) {
    where += " AND service = :service";
    st.exchange(soci::use(filter.service));
  }
  if (!filter.code.empty()) {
    where += " AND (code = :code OR customer_code = :customer_code)";
    st.exchange(soci::use(filter.code));
    st.exchange(soci::use(filter.code));
  }
  if (filter.created_from > 0) {
    where += " AND created_at >= :created_from";
    st.exchange(soci::use(filter.created_from));
  }
  if (filter.created_until > 0) {
    where += " AND created_at < :created_until";
    st.exchange(soci::use(filter.created_until));
  }
  st.exchange(soci::use(limit));
  st.prepare(std::string("SELECT ") + kOrderColumns + " FROM payment_orders WHERE " + where +
             " ORDER BY id DESC LIMIT :limit");
  st.define_and_bind();
  st.execute();
  std::vector<Order> orders;
  while (st.fetch()) orders.push_back(row.order());
  if (orders.empty()) return orders;
  // The page's ids are between the last and the first: one query for all their bills.
  auto bills = bills_between(sql, orders.back().id, orders.front().id, filter.user_id);
  for (auto& order : orders) order.bills = std::move(bills[order.id]);
  return orders;
}

CreatedOrder create_order(soci::session& sql, db::Backend backend, const NewOrder& n) {
  db::Transaction transaction(sql, backend);
  // Creations for one customer code run one at a time, so two tabs cannot both find the bills
  // free (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises).
  db::lock_name(sql, backend, "payments:" + n.provider + ":" + n.customer_code);
  for (const auto& bill : n.bills) {
    long long holder = 0;
    sql << "SELECT order_id FROM payment_bill_holds WHERE provider = :provider AND bill_id = :bill",
        soci::use(n.provider), soci::use(bill.bill_id), soci::into(holder);
    if (!sql.got_data()) continue;
    std::string code;
    sql << "SELECT code FROM payment_orders WHERE id = :id", soci::use(holder), soci::into(code);
    const auto held = find_order(sql, backend, code);
    if (!held) continue;
    if (held->status == core::OrderStatus::kPaid || held->status == core::OrderStatus::kDelivered)
      throw http::HttpError(409, "bill_already_paid", messages::kBillAlreadyPaid);
    if (held->user_id == n.user_id && same_bills(*held, n.bills) && n.now < held->expires_at) {
      transaction.commit();
      return {*held, false};
    }
    throw http::HttpError(409, "bill_in_payment", messages::kBillInPayment);
  }
  std::int64_t amount = 0;
  for (const auto& bill : n.bills) amount += bill.amount;
  const std::string code = new_order_code(n.now);
  const std::string status(core::order_status_name(core::OrderStatus::kCreated));
  const long long expires_at = n.now + n.lifetime;
  const long long total = amount;
  NullableText payee(n.payee_name);
  sql << "INSERT INTO payment_orders (code, user_id, service, provider, customer_code, "
         "customer_name, customer_address, amount, status, created_at, expires_at, updated_at, "
         "purpose, payee_name) VALUES (:code, :user_id, :service, :provider, :customer_code, "
         ":customer_name, :customer_address, :amount, :status, :created_at, :expires_at, "
         ":updated_at, :purpose, :payee_name)",
      soci::use(code), soci::use(n.user_id), soci::use(n.service), soci::use(n.provider),
      soci::use(n.customer_code), soci::use(n.customer_name), soci::use(n.customer_address),
      soci::use(total), soci::use(status), soci::use(n.now), soci::use(expires_at),
      soci::use(n.now), soci::use(n.purpose), soci::use(payee.value, payee.indicator);
  long long id = 0;
  sql << "SELECT id FROM payment_orders WHERE code = :code", soci::use(code), soci::into(id);
  int position = 0;
  for (const auto& bill : n.bills) {
    const long long bill_amount = bill.amount;
    sql << "INSERT INTO payment_order_bills (order_id, position, bill_id, period, amount, "
           "due_date) VALUES (:order_id, :position, :bill_id, :period, :amount, :due_date)",
        soci::use(id), soci::use(position), soci::use(bill.bill_id), soci::use(bill.period),
        soci::use(bill_amount), soci::use(bill.due_date);
    sql << "INSERT INTO payment_bill_holds (provider, bill_id, order_id) VALUES (:provider, "
           ":bill_id, :order_id)",
        soci::use(n.provider), soci::use(bill.bill_id), soci::use(id);
    ++position;
  }
  auto created = find_order(sql, backend, code);
  transaction.commit();
  return {*created, true};
}

bool change_status(soci::session& sql, const Order& o, core::OrderStatus from,
                   core::OrderEvent event, long long now) {
  const auto to = core::next_order_status(from, event);
  if (!to) return false;
  const std::string from_name(core::order_status_name(from));
  const std::string to_name(core::order_status_name(*to));
  NullableText transaction(o.gateway_transaction), bank(o.bank_code),
      provider_payment(o.provider_payment_id);
  Nullable<long long> paid_at(o.paid_at), delivered_at(o.delivered_at);
  Nullable<long long> paid_amount(o.paid_amount ? std::optional<long long>(*o.paid_amount)
                                                : std::nullopt);
  soci::statement update =
      (sql.prepare << "UPDATE payment_orders SET status = :to, updated_at = :now, "
                      "paid_at = :paid_at, paid_amount = :paid_amount, "
                      "gateway_transaction = :gateway_transaction, bank_code = :bank_code, "
                      "delivered_at = :delivered_at, provider_payment_id = :provider_payment_id "
                      "WHERE id = :id AND status = :from",
       soci::use(to_name), soci::use(now), soci::use(paid_at.value, paid_at.indicator),
       soci::use(paid_amount.value, paid_amount.indicator),
       soci::use(transaction.value, transaction.indicator), soci::use(bank.value, bank.indicator),
       soci::use(delivered_at.value, delivered_at.indicator),
       soci::use(provider_payment.value, provider_payment.indicator), soci::use(o.id),
       soci::use(from_name));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  if (!core::order_holds_bills(*to))
    sql << "DELETE FROM payment_bill_holds WHERE order_id = :id", soci::use(o.id);
  return true;
}

bool start_payment(soci::session& sql, const Order& order, const std::string& method, long long now,
                   bool unexpired_only) {
  const std::string pending(core::order_status_name(core::OrderStatus::kPending));
  const std::string created(core::order_status_name(core::OrderStatus::kCreated));
  const long long deadline = unexpired_only ? now : std::numeric_limits<long long>::min();
  soci::statement update =
      (sql.prepare << "UPDATE payment_orders SET status = :pending, method = :method, "
                      "gateway_started_at = :now, updated_at = :now2 WHERE id = :id AND status "
                      "IN (:created, :pending2) AND expires_at > :deadline",
       soci::use(pending), soci::use(method), soci::use(now), soci::use(now), soci::use(order.id),
       soci::use(created), soci::use(pending), soci::use(deadline));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

void set_delivery_problem(soci::session& sql, long long order_id, const std::string& problem) {
  sql << "UPDATE payment_orders SET delivery_problem = :problem WHERE id = :id", soci::use(problem),
      soci::use(order_id);
}

void record_event(soci::session& sql, std::optional<long long> order_id, const std::string& source,
                  const std::string& outcome, const std::string& message, long long now) {
  Nullable<long long> order(order_id);
  sql << "INSERT INTO payment_events (order_id, source, outcome, message, received_at) VALUES "
         "(:order_id, :source, :outcome, :message, :received_at)",
      soci::use(order.value, order.indicator), soci::use(source), soci::use(outcome),
      soci::use(message), soci::use(now);
}

std::vector<Order> orders_paid_between(soci::session& sql, long long from, long long to) {
  OrderRow row;
  soci::statement st(sql);
  st.alloc();
  row.bind(st);
  st.exchange(soci::use(from));
  st.exchange(soci::use(to));
  st.prepare(std::string("SELECT ") + kOrderColumns +
             " FROM payment_orders WHERE paid_at >= :from AND paid_at < :to ORDER BY id");
  st.define_and_bind();
  st.execute();
  std::vector<Order> orders;
  while (st.fetch()) orders.push_back(row.order());
  return orders;
}

std::vector<PartnerMessage> anomalies_between(soci::session& sql, long long from, long long to) {
  std::vector<PartnerMessage> messages;
  PartnerMessage m;
  soci::statement st =
      (sql.prepare << "SELECT source, outcome, message, received_at FROM payment_events WHERE "
                      "received_at >= :from AND received_at < :to AND outcome IN ('bad_amount', "
                      "'already_paid', 'order_not_found', 'not_ours') ORDER BY id",
       soci::use(from), soci::use(to), soci::into(m.source), soci::into(m.outcome),
       soci::into(m.message), soci::into(m.received_at));
  st.execute();
  while (st.fetch()) messages.push_back(m);
  return messages;
}

std::vector<PartnerMessage> messages_of(soci::session& sql, long long order_id) {
  std::vector<PartnerMessage> messages;
  PartnerMessage m;
  soci::statement st = (sql.prepare << "SELECT source, outcome, message, received_at FROM "
                                       "payment_events WHERE order_id = :id ORDER BY id",
                        soci::use(order_id), soci::into(m.source), soci::into(m.outcome),
                        soci::into(m.message), soci::into(m.received_at));
  st.execute();
  while (st.fetch()) messages.push_back(m);
  return messages;
}

}  // namespace cdscb::server::payments
