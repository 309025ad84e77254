#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// The home screen: the province's header and the six service tiles of the user guide.
// Current urgent notices (floods, landslides, storms) show above the tiles until they expire.
class Home : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void draw_alerts(AppContext& ctx, float width);
  // "Thông báo" with the number of unread notifications, for a signed-in user.
  void draw_notifications(AppContext& ctx, float width);

  std::string expanded_;      // id of the alert opened to show its text
  long long wake_at_ = 0;     // the expiry (or re-check) the frame loop was asked to wake for
  long long next_check_ = 0;  // when to ask the server for alerts again
  api::Call unread_call_;
  int unread_ = 0;
  long long next_unread_check_ = 0;  // 0: ask as soon as someone is signed in
};

}  // namespace cdscb::app::screens
