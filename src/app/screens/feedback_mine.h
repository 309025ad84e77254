#pragma once
// "Cá nhân": the feedback I sent, newest first, with its status; those still in the outbox on
// top as "Đang chờ gửi".
#include <nlohmann/json.hpp>

#include "app/api/client.h"
#include "app/app_context.h"

namespace screens {

class FeedbackMine {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  api::Call list_;
  nlohmann::json items_ = nlohmann::json::array();
  std::string error_;
  bool loaded_ = false;
  int seen_sent_ = -1;
};

}  // namespace screens
