#pragma once
// "Xử lý hồ sơ": the dossiers of the official's agency (every agency's for an admin) as the
// server orders them — overdue first, then due soon, those without a running clock last — with
// overdue ones marked in red with the days late, status chips and "Xem thêm".
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class ServicesOfficeQueue {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  void load(AppContext& ctx, bool more);

  int filter_ = 0;  // index into the chips: 0 is every status
  api::Call list_;
  bool appending_ = false;
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_;
  std::string error_;
  bool loaded_ = false;
};

}  // namespace cdscb::app::screens
