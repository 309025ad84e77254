#pragma once
#include <cstddef>
#include <string>

#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Tin tức" (guide III.3.1): the province's news as cards, newest first, with search, a category
// filter, "Làm mới" and pull to refresh, the next page loaded near the end of the list, and the
// offline copy when there is no network. Officials also get "Đăng tin", "Quản lý tin" and
// "Cảnh báo khẩn".
class News : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void draw_filters(AppContext& ctx, float width);
  void draw_official_tools(AppContext& ctx, float width);

  std::string query_;
  int category_ = -1;      // index into the categories plus "all" at 0
  double search_at_ = -1;  // ImGui time when the typed search is sent (debounced)
  float scroll_y_ = 0;     // where the list was, restored on the way back from an article
  bool restore_scroll_ = false;
  size_t laid_out_ = 0;  // cards drawn last frame (the scroll range is measured from them)
};

}  // namespace cdscb::app::screens
