#pragma once
// One camera, live (#/camera/<code>): the stream in a <video> over a reserved 16:9 rectangle, a
// "Trực tiếp" badge while it plays, pause/play, "Toàn màn hình" and the quality ("Tự động" or
// "Tiết kiệm dữ liệu", the latter the default when the browser says data is dear). An outage
// shows "Camera đang mất kết nối" over the last frame while the bridge retries; a camera in
// maintenance says so and is not played.
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/screens/cameras_ui.h"

namespace cdscb::app::screens {

class CameraLive {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx);

 private:
  void take_answers(AppContext& ctx);
  void draw_player(AppContext& ctx, const CameraInfo& c, float width);
  void draw_live_badge(AppContext& ctx);

  std::string code_;
  api::Call call_;
  std::optional<CameraInfo> camera_;
  api::ApiError error_;
  bool data_saver_ = false;
  bool paused_ = false;
  bool bridge_paused_ = false;  // the pause the bridge last reported
  double recheck_at_ = 0;  // while the stream is down: when to ask whether it went in maintenance
};

}  // namespace cdscb::app::screens
