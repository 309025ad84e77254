#pragma once
// "Quản lý lĩnh vực" (admins only): the feedback fields with their responsible agency, answer
// deadline in working days and whether answered feedback is published by default; the way to
// "Thêm lĩnh vực" and to edit each one.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminFields : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Field {
    std::string code, name, agency_name;
    int answer_days = 0;
    bool publish_by_default = false;
  };
  void load(AppContext& ctx);
  void take_answer(AppContext& ctx);

  std::vector<Field> fields_;
  bool loaded_ = false;
  api::Call call_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
