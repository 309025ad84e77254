#pragma once
// "Lịch sử thanh toán" (#/thanh-toan/lich-su): the signed-in account's orders, newest first, a
// page at a time ("Xem thêm"), each with its provider, amount, status and date; tapping one opens
// it with its receipt. The first page is kept on the device for the account (state::AccountCache)
// and shown when the server cannot be reached, saying it may be out of date.
#include <nlohmann/json.hpp>
#include <string>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/state/account_cache.h"

namespace cdscb::app::screens {

class PaymentsHistory {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  std::string owner_;  // whose orders items_ are
  payments_ui::TimedCall list_, more_;
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_, error_;
  bool loaded_ = false;
  state::AccountCache cache_{"payments/history"};
  bool from_cache_ = false;  // items_ are the kept copy, not yet the server's answer
};

}  // namespace cdscb::app::screens
