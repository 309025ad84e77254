#pragma once
// "Quản lý thủ tục" (admins): the procedures with whether each has a draft not yet published
// (GET /api/v1/admin/procedures), "Xem thêm", and "Thêm thủ tục".
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class ServicesOfficeProcedures {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  void load(AppContext& ctx, bool more);

  api::Call list_;
  bool appending_ = false;
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_, error_;
  bool loaded_ = false;
};

}  // namespace cdscb::app::screens
