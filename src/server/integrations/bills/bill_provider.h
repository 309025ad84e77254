// One interface for the bill providers (electricity, water, telecom): look a customer up by the
// code printed on the bill, confirm a payment of some of their bills, and read back what the
// provider booked (one order, or a whole day for reconciliation). Each call reaches another
// system: call it from the worker pool and never while holding a database session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdscb::server::integrations::bills {

struct OpenBill {
  std::string bill_id;
  std::string period;       // "2026-10"
  std::int64_t amount = 0;  // whole VND
  std::string due_date;     // "2026-11-10"
};

struct Customer {
  std::string name;  // in full, as the provider has it (masked before it is shown)
  std::string address;
  std::vector<OpenBill> bills;  // unpaid ones, oldest first
};

struct Confirmation {
  std::string payment_id;  // the provider's
  std::string order_code;  // ours
  std::string customer_code;
  std::vector<std::string> bill_ids;
  std::int64_t amount = 0;
  std::string confirmed_at;
};

// Why a provider said no. kUnavailable and kRetryLater mean nothing was booked: try again later.
enum class Failure {
  kNone,
  kInvalidCode,  // the code is not of this provider's format
  kNotFound,     // no such customer (or, for find_confirmation, no such order)
  kUnavailable,  // down, timed out, unreachable, or an answer we cannot read
  kRetryLater,   // the provider refused the confirmation for now
  kBillTaken,    // a bill was paid by another order code
  kRejected,     // any other refusal (bills not the customer's, wrong amount, older bill unpaid)
};

template <typename T>
struct Outcome {
  std::optional<T> value;
  Failure failure = Failure::kNone;
  std::string detail;  // the provider's code and message, for the order's history and logs
};

struct ConfirmRequest {
  std::string order_code;
  std::string customer_code;
  std::vector<std::string> bill_ids;
  std::int64_t amount = 0;
};

class BillProvider {
 public:
  virtual ~BillProvider() = default;
  virtual Outcome<Customer> lookup(const std::string& customer_code) = 0;
  // Idempotent by order code: the same request again returns the first confirmation.
  virtual Outcome<Confirmation> confirm(const ConfirmRequest& request) = 0;
  // What the provider booked for `order_code` (after a confirmation that timed out).
  virtual Outcome<Confirmation> find_confirmation(const std::string& order_code) = 0;
  // The day's confirmations ("2026-12-02", GMT+7), for reconciliation.
  virtual Outcome<std::vector<Confirmation>> confirmations_of_day(const std::string& day) = 0;
};

}  // namespace cdscb::server::integrations::bills
