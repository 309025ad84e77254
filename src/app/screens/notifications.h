#pragma once
// "Thông báo" (#/thong-bao): updates of the feedback the signed-in citizen sent or follows,
// newest first, unread ones marked; tapping one marks it read and opens the feedback. The server
// sends pages of 20; "Xem thêm thông báo" follows next_cursor to the next.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class Notifications : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  api::Call list_;
  api::Call more_;
  api::Call mark_;
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_;  // empty: no more pages
  std::string error_;
  bool loaded_ = false;
  long long open_after_mark_ = 0;  // the feedback to open once the server marked it read
  nlohmann::json marking_;         // the ids being marked read, or true for all
};

}  // namespace cdscb::app::screens
