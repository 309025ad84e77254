#pragma once
// VNeID in "Quản lý tài khoản": a linked account shows "Đã định danh VNeID" and may unlink
// (after its password); an unlinked one may go to VNeID to link ("Liên kết VNeID"), coming back
// through the linking screen.
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class VneidPanel {
 public:
  void reset();
  void draw(AppContext& ctx, float width);

 private:
  void take_answer(AppContext& ctx);
  void draw_unlink(AppContext& ctx, float width);

  bool confirming_ = false;
  bool unlinked_ = false;
  std::string password_;
  api::Call unlink_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
