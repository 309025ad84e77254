#pragma once
// One order (#/thanh-toan/don/<code>), where the gateway sends the browser back. It shows only
// what the server has booked, asking again while the order is open: "Đang xác nhận thanh toán"
// until the gateway's notification came, then the money received while the provider is told,
// then "Thanh toán thành công" with the "Biên lai" (shared, or copied where there is no share
// sheet); a failed payment says so and lists the bills still unpaid. An order to be paid by
// "Mã VietQR" shows its QR until the bank's notice is booked.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/screens/payments_vietqr.h"

namespace cdscb::app::screens {

class PaymentsOrder {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  void ask(AppContext& ctx);
  void take_answers(AppContext& ctx);
  void draw_receipt(AppContext& ctx, float width);
  void draw_unpaid(AppContext& ctx, float width);
  // The receipt's lines: label key and value.
  std::vector<std::pair<const char*, std::string>> receipt_lines() const;

  std::string owner_, code_;
  payments_ui::TimedCall call_;
  nlohmann::json order_;
  std::string error_;
  bool not_found_ = false;
  double first_asked_ = 0;  // when this page first asked (the polling slows down after a while)
  double next_ask_ = -1;    // when to ask again; -1: not while the order is settled
  std::string share_, share_notice_;
  PaymentsVietQr vietqr_;  // the QR while a VietQR transfer is awaited
};

}  // namespace cdscb::app::screens
