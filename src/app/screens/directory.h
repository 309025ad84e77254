#pragma once
#include <optional>
#include <string>

#include "app/screens/directory_admin.h"
#include "app/screens/directory_detail.h"
#include "app/screens/screen.h"
#include "app/state/directory.h"

namespace cdscb::app::screens {

// "Chính quyền": the emergency numbers, then every provincial body, commune, ward and the police,
// searchable, filtered by kind and ordered by distance ("Gần tôi"). #/chinh-quyen/<code> shows
// one record. The last copy is kept on the device, so the screen opens offline.
class Directory : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void take_answers(AppContext& ctx);
  void draw_emergency(AppContext& ctx, float width);
  void draw_filters(AppContext& ctx, float width);
  void draw_list(AppContext& ctx, float width);

  state::DirectoryBook book_;
  bool cache_loaded_ = false;
  std::string query_;
  int kind_ = 0;  // state::KindFilter
  std::string geo_request_;
  std::optional<core::GeoPoint> near_;
  const char* near_message_ = nullptr;  // i18n key of the "Gần tôi" notice
  DirectoryDetail detail_;
  DirectoryAdmin admin_;
};

}  // namespace cdscb::app::screens
