#pragma once
// "Đối soát" (admins only, #/doi-soat): one day's payments (yesterday in Vietnam unless the admin
// picks another day) against each provider's book and the gateways: per provider our orders and
// total beside what it confirmed, per way of paying our total, and every mismatch the server
// found, or "Khớp" when there is none.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminReconciliation : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void load(AppContext& ctx);
  void take_answer(AppContext& ctx);
  void draw_day(AppContext& ctx);

  std::string day_;
  nlohmann::json answer_;
  bool loaded_ = false;
  api::Call call_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
