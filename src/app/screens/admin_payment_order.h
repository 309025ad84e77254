#pragma once
// One payment order as admins see it (#/giao-dich-thanh-toan/<code>): its bills, state, where the
// bills stand at the provider, the gateway's transaction number, and its whole history: every
// message a partner sent about it (IPN, return, querydr, refund, VietQR notices, the provider's
// confirmations), each with its time, kind and text exactly as it came. A paid order offers
// "Hoàn tiền": a confirmation with a required reason; VNPay gives the money back through the
// gateway, a VietQR refund is recorded as made by hand.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminPaymentOrder : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void load(AppContext& ctx);
  void take_answers(AppContext& ctx);
  void draw_order(AppContext& ctx, float width);
  void draw_refund(AppContext& ctx, float width);
  void draw_messages(AppContext& ctx, float width);

  std::string code_;
  nlohmann::json order_;
  nlohmann::json messages_ = nlohmann::json::array();
  bool loaded_ = false;
  api::Call show_, refund_;
  api::ApiError error_, refund_error_;
  bool confirming_ = false;  // the refund's confirmation is open
  std::string reason_, notice_;
};

}  // namespace cdscb::app::screens
