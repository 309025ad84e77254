#pragma once
#include <string>

#include "app/app_context.h"
#include "app/screens/directory_edit.h"
#include "app/state/directory.h"

namespace cdscb::app::screens {

// The i18n key naming a record's kind ("directory.kind_ward" → "Phường").
const char* kind_label(const std::string& kind);

// A record's phone numbers as tel: links, or "Chưa cập nhật số điện thoại".
void draw_phones(AppContext& ctx, const core::DirectoryRecord& record);

// One record of the directory (#/chinh-quyen/<code>): every contact as a link, office hours, the
// map of its place, and "Sửa" for admins.
class DirectoryDetail {
 public:
  void draw(AppContext& ctx, state::DirectoryBook& book, const std::string& code);

 private:
  std::string shown_;  // the code drawn last, to reset the map and the form on a new record
  bool map_open_ = false;
  DirectoryEditForm form_;
};

}  // namespace cdscb::app::screens
