#pragma once
// The map half of "Phản ánh công khai": published feedback as markers coloured by status inside
// the map's view, with the list's filters. Moving the map refetches the points of the new view
// (the bridge reports it once it settles); tapping a marker opens the public detail.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/platform/map.h"

namespace cdscb::app::screens {

class FeedbackPublicMap {
 public:
  // The list's filters as query parameters ("&field=…&status=…&commune=…", or ""); points are
  // fetched again when they change.
  void set_filters(AppContext& ctx, const std::string& filters);
  void draw(AppContext& ctx, float width);

 private:
  void fetch(AppContext& ctx);
  void take_replies(AppContext& ctx);
  void draw_legend(AppContext& ctx, float width);

  api::Call call_;
  std::string bbox_;              // the map's view as "west,south,east,north"; "" until it reports
  std::string filters_ = "\x01";  // never a real filter string: the first set_filters fetches
  std::string fetched_;           // bbox + filters of the points shown
  std::vector<platform::map::Marker> markers_;
  bool markers_changed_ = false;
  bool truncated_ = false;
  bool loaded_ = false;
  std::string error_;
  // Around Thục Phán ward (the provincial town), near enough for single markers to be told apart.
  platform::map::View view_{.lat = 22.666, .lon = 106.258, .zoom = 10};
};

}  // namespace cdscb::app::screens
