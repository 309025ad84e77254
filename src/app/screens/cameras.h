#pragma once
// "Camera" (#/camera): the province's public cameras grouped by commune, each with its latest
// snapshot (refreshed every 30 s while the list is on screen), searchable without diacritics,
// filtered by kind, ordered by distance ("Gần tôi") or shown as markers on a map ("Bản đồ").
// #/camera/<code> is one camera, live (camera_live.h).
#include <optional>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/platform/map.h"
#include "app/screens/camera_live.h"
#include "app/screens/cameras_ui.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class Cameras : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  std::string list_path(const std::string& cursor) const;
  void fetch(AppContext& ctx);
  void take_answers(AppContext& ctx);
  void draw_filters(AppContext& ctx, float width);
  void draw_map(AppContext& ctx);
  void draw_list(AppContext& ctx, float width);
  bool camera_row(AppContext& ctx, const CameraInfo& c, float width);

  api::Call call_;
  api::Call more_;
  std::vector<CameraInfo> items_;
  std::string next_cursor_;
  std::string fetched_;  // the list path of the items shown (or being fetched)
  bool loaded_ = false;
  api::ApiError error_;
  std::string query_;
  int kind_ = 0;  // 0: every kind, else kCameraKinds[kind_ - 1]
  std::string geo_request_;
  std::optional<std::pair<double, double>> near_;
  const char* near_message_ = nullptr;
  bool show_map_ = false;
  bool markers_changed_ = false;
  double next_refresh_ = 0;  // ImGui time of the next snapshot (and status) refresh
  std::string entered_param_ = "\x01";
  CameraLive live_;
};

}  // namespace cdscb::app::screens
