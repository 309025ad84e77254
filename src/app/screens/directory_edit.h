#pragma once
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/state/directory.h"

namespace cdscb::app::screens {

// "Sửa": an admin's form for one directory record, saved with PUT /api/v1/admin/directory/<code>.
// The server checks every field (the rules of core/directory.h) and its messages show by them.
class DirectoryEditForm {
 public:
  void open(const core::DirectoryRecord& record);
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  void draw(AppContext& ctx, state::DirectoryBook& book, float width);

 private:
  void save(AppContext& ctx);

  bool open_ = false;
  std::string code_;
  int kind_ = 0;
  std::string name_, address_, phones_, email_, website_, hours_, lat_, lng_, note_;
  api::Call call_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
