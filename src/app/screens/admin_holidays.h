#pragma once
// "Ngày nghỉ lễ" (admins only): the public holidays that feedback deadlines skip and the make-up
// working days they count, "Thêm ngày nghỉ" (date, name, make-up day or not) and deleting one
// after a confirmation.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminHolidays : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Holiday {
    std::string date, name;    // date as the API writes it: "2026-01-01"
    bool working_day = false;  // a Saturday or Sunday worked instead of a bridge day off
  };
  void load(AppContext& ctx);
  void take_answers(AppContext& ctx);
  void draw_form(AppContext& ctx, float width);
  void draw_list(AppContext& ctx, float width);

  std::vector<Holiday> holidays_;
  bool loaded_ = false;
  std::string date_, name_;
  bool working_day_ = false;
  std::string confirm_;  // the date whose deletion waits for "Xoá ngày nghỉ"
  api::Call list_, add_, remove_;
  api::ApiError error_;      // of the list and deletions
  api::ApiError add_error_;  // of the form, shown by its fields
  std::string notice_;
};

}  // namespace cdscb::app::screens
