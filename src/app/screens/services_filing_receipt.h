#pragma once
// "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (#/dich-vu-cong/bien-nhan/<dossier code>), shown after
// "Gửi hồ sơ" and later from the dossier: the code, procedure, papers received, fee and whether
// it is paid, when it was received and the result is due; a QR of the public lookup link;
// "Tải biên nhận (PDF)"; and "Nộp phí" while the fee is due: POST /api/v1/dossiers/<code>/fee
// gives the payment order (its amount is the server's), POST …/orders/<order>/vnpay its gateway
// link, and the gateway sends the browser back to the order's page #/thanh-toan/don/<order>.
#include <nlohmann/json.hpp>
#include <string>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/ui/qr_matrix.h"

namespace cdscb::app::screens {

class FilingReceipt {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  std::string code_, owner_, error_, fee_error_;
  payments_ui::TimedCall load_, fee_, pay_;
  nlohmann::json receipt_;
  bool loaded_ = false;
  ui::QrMatrix qr_;
};

// The link the receipt's QR holds: <origin>/#/dich-vu-cong/tra-cuu/<code>.
std::string dossier_lookup_link(std::string_view code);

}  // namespace cdscb::app::screens
