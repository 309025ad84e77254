#pragma once
// "Thêm lĩnh vực" / "Sửa lĩnh vực" (admins only): a feedback field's code (new fields only),
// name, responsible agency, answer deadline in working days and whether answered feedback is
// published by default. #/sua-linh-vuc makes a new one, #/sua-linh-vuc/<code> edits that one.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"
#include "app/state/agency_list.h"

namespace cdscb::app::screens {

class AdminFieldEdit : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void clear_form();
  void take_answers(AppContext& ctx);
  void fill_from(const nlohmann::json& field);
  void submit(AppContext& ctx);
  void draw_form(AppContext& ctx, float width);

  std::string editing_;  // the code of the field being edited; empty for a new one
  bool found_ = false;   // editing: the field was found in the server's list
  std::string code_, name_, days_;
  std::string agency_;  // its code; "" for none
  bool publish_ = false;
  state::AgencyList agencies_;
  api::Call load_, save_;
  api::ApiError error_;
  std::string notice_;
};

}  // namespace cdscb::app::screens
