#pragma once
// "Mã VietQR" on an order's page: while the order waits for a transfer, the server's NAPAS
// payload (POST …/orders/<code>/vietqr) drawn as a large QR any bank app scans, with the amount,
// the collection account and the transfer's purpose as text; "Lưu mã QR" keeps it as a PNG.
// The order's page keeps asking the server, which alone says when the bank's notice booked it.
#include <nlohmann/json.hpp>
#include <string>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/ui/qr_matrix.h"

namespace cdscb::app::screens {

class PaymentsVietQr {
 public:
  void reset() { *this = {}; }
  // `order` is the server's order, pending with the method "vietqr".
  void draw(AppContext& ctx, const nlohmann::json& order, float width);

 private:
  void take_answers(AppContext& ctx);

  std::string code_;  // the order whose QR this is
  payments_ui::TimedCall call_;
  nlohmann::json answer_;  // {"payload","amount","bank_bin","account","expires_at"}
  ui::QrMatrix matrix_;
  std::string error_;
  bool retry_ = false;
  std::string save_, save_notice_;
};

}  // namespace cdscb::app::screens
