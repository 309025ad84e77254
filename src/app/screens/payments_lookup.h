#pragma once
// A provider's lookup (#/thanh-toan/tra-cuu/<provider>): "Mã khách hàng" checked in the app
// (core::check_bill_code) → "Tra cứu" → the masked customer, every unpaid period with its amount
// and due date, and the total. The periods are chosen oldest first; "Thanh toán" makes the
// server's order (its amount is the provider's) and offers the ways to pay it: VNPay's gateway,
// or "Mã VietQR" (the order's page then shows the QR).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"

namespace cdscb::app::screens {

class PaymentsLookup {
 public:
  void enter(AppContext& ctx, const std::string& provider);
  void draw(AppContext& ctx, const payments_ui::Providers& providers, float width);
  // Opens the lookup of a saved code ("Danh bạ thanh toán"), looked up as soon as it shows.
  void open_code(AppContext& ctx, const std::string& provider, const std::string& code);

 private:
  void reset();
  void start_lookup(AppContext& ctx, const payments_ui::Provider& provider);
  void take_answers(AppContext& ctx);
  void draw_bills(AppContext& ctx, float width);
  void draw_methods(AppContext& ctx, const payments_ui::Providers& providers, float width);
  enum class Retry { kLookup, kOrder, kVnpay, kVietqr };
  // "Thanh toán qua VNPay" or "Mã VietQR": tells the server how the order is paid.
  void start_method(AppContext& ctx, Retry method);
  void choose(std::size_t index, bool chosen);
  void draw_save(AppContext& ctx, float width);

  std::string owner_;     // whose lookup this is (another account starts afresh)
  std::string provider_;  // the provider's id
  std::string code_;      // as typed
  std::string code_error_;
  payments_ui::TimedCall lookup_, order_call_, vnpay_, vietqr_;
  nlohmann::json result_;  // the lookup's answer
  std::vector<bool> chosen_;
  nlohmann::json order_;  // the order made of the chosen bills
  std::string error_;
  bool look_up_ = false;  // a saved code waits to be looked up
  payments_ui::TimedCall save_;
  std::string contact_name_, contact_error_, contact_notice_;
  bool retry_ = false;  // whether asking again may help with error_
  Retry retry_what_ = Retry::kLookup;
};

}  // namespace cdscb::app::screens
