#pragma once
// "Danh bạ thanh toán" (#/thanh-toan/danh-ba): the customer codes the signed-in account saved,
// each with the name the citizen gave ("Nhà bố mẹ"); a tap looks the code up again, "Xóa"
// removes it. Saving is on the lookup page, after a code was found. The list is kept on the
// device for the account (state::AccountCache) and shown when the server cannot be reached.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/state/account_cache.h"

namespace cdscb::app::screens {

class PaymentsContacts {
 public:
  void enter(AppContext& ctx);
  // Returns the provider and customer code of the contact tapped.
  std::optional<std::pair<std::string, std::string>> draw(AppContext& ctx, float width);

 private:
  std::string owner_;  // whose contacts items_ are
  payments_ui::TimedCall list_, remove_;
  nlohmann::json items_ = nlohmann::json::array();
  std::string error_;
  bool loaded_ = false;
  state::AccountCache cache_{"payments/contacts"};
  bool from_cache_ = false;  // items_ are the kept copy, not yet the server's answer
};

}  // namespace cdscb::app::screens
