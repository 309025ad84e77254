#pragma once
// Pieces the "Thanh toán không tiền mặt" pages share: the providers the server offers, requests
// that give up (a citizen never watches a spinner without end), the labels of an order's states,
// and the "sign in first" rule (payments and their history are an account's).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens::payments_ui {

// A request that is answered, or after `timeout` seconds given up as a failure (its late answer
// is dropped). The server asks a provider for at most 8 s, so a longer wait is a lost connection.
class TimedCall {
 public:
  static constexpr double kTimeout = 25;
  void start(AppContext& ctx, std::string_view method, std::string_view path,
             std::string_view json_body = {}, double timeout = kTimeout);
  bool waiting() const { return call_.waiting(); }
  std::optional<api::Response> poll(AppContext& ctx);
  void reset() { *this = {}; }
  // The message to show for a failed answer: the server's, or the time-out's.
  std::string error_text(AppContext& ctx, const api::Response& response) const;

 private:
  api::Call call_;
  double deadline_ = 0;
  bool timed_out_ = false;
};

struct Provider {
  std::string id, service, name;
};

// GET /api/v1/payments/providers, asked once and again after a failure.
class Providers {
 public:
  void load(AppContext& ctx);
  // Takes the answer; draws the wait or the failure with "Thử lại". Returns true once loaded.
  bool draw_state(AppContext& ctx, float width);
  const std::vector<Provider>& items() const { return items_; }
  const Provider* find(std::string_view id) const;
  // The first provider of a service ("electricity"), or null.
  const Provider* of_service(std::string_view service) const;
  bool vnpay() const { return vnpay_; }
  bool vietqr() const { return vietqr_; }

 private:
  TimedCall call_;
  std::vector<Provider> items_;
  bool loaded_ = false, vnpay_ = false, vietqr_ = false;
  std::string error_;
};

// The guide's label of a service ("Tiền điện"), or the service itself when unknown.
const char* service_label(AppContext& ctx, std::string_view service);
// The label of an order's status ("Đang xác nhận thanh toán").
const char* status_label(AppContext& ctx, std::string_view status);
// "2026-10" → "10/2026".
std::string period_text(std::string_view yyyy_mm);
// The periods of an order's bills, oldest first: "10/2026, 11/2026".
std::string periods_text(const nlohmann::json& bills);
// "2026-12-02T02:15:00Z" → "02/12/2026 09:15" (Vietnam's time).
std::string time_text(std::string_view rfc3339);

// True when someone is signed in. Otherwise a signed-out visitor is sent to "Đăng nhập" once the
// server has said so (offline, the page says it cannot check) and nothing else is drawn.
// `message_key`: what the offline page says (other sections' own wording).
bool require_account(AppContext& ctx, const char* message_key = "payments.login_needed");

// A banner with `message` and, when asking again may help, "Thử lại"; returns true when tapped.
bool error_with_retry(AppContext& ctx, const char* id, const std::string& message, bool retry,
                      float width);

}  // namespace cdscb::app::screens::payments_ui
