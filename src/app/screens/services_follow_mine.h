#pragma once
// "Hồ sơ cá nhân" (#/dich-vu-cong/ca-nhan): the signed-in citizen's dossiers, newest first, a page
// at a time ("Xem thêm"), filtered by status, each with its status and due date; dossiers still
// waiting in the outbox first ("Đang chờ gửi"). The first unfiltered page is kept on the device
// for the account (state::AccountCache) and shown offline, saying it may be out of date.
#include <nlohmann/json.hpp>
#include <string>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/state/account_cache.h"

namespace cdscb::app::screens {

class ServicesFollowMine {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  std::string path(const std::string& cursor) const;
  void take(AppContext& ctx, payments_ui::TimedCall& call, bool append);
  void draw_waiting(AppContext& ctx);

  std::string owner_;  // whose dossiers items_ are
  payments_ui::TimedCall list_, more_;
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_, error_;
  int status_ = 0;  // 0: every status, else the status table's index + 1
  int sent_seen_ = 0;
  bool loaded_ = false;
  bool from_cache_ = false;
  state::AccountCache cache_{"services/mine"};
};

}  // namespace cdscb::app::screens
