#pragma once
// "Giao dịch thanh toán" (admins only, #/giao-dich-thanh-toan): every payment order, newest
// first, a page at a time ("Xem thêm"), filtered by an order or customer code, the service or
// provider, the status and the days it was made. Each row names the order, its amount, provider,
// masked customer, status, where the bills stand at the provider and when it was made; a tap opens
// the order (#/giao-dich-thanh-toan/<code>).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/payments_ui.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminPaymentOrders : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void load(AppContext& ctx, bool more);
  void take_answer(AppContext& ctx);
  void draw_filters(AppContext& ctx, float width);
  void draw_order(AppContext& ctx, const nlohmann::json& order, int index);
  // The query of the chosen filters ("&status=paid&q=…").
  std::string filter_query() const;
  // The service and provider choices: "all", then each service, then each provider.
  std::vector<std::string> scope_values_;

  payments_ui::Providers providers_;
  std::string code_, from_, to_;
  int status_ = 0, scope_ = 0;  // 0: every status, every service and provider
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_;
  bool loaded_ = false;
  bool list_more_ = false;  // the call on its way adds a page (else it replaces the list)
  api::Call list_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
