#pragma once
// What the camera screens share: a camera as the API sends it (GET /api/v1/cameras, never its
// source address), the labels of its kind and status, and the coloured status label.
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/app_context.h"

namespace cdscb::app::screens {

struct CameraInfo {
  std::string code, name, commune, commune_name, place, kind, status, snapshot, live;
  double lat = 0, lng = 0;
  std::optional<double> distance_m;  // with ?near=
};

// The kinds the API knows, in the order the filter offers them.
constexpr std::array<std::string_view, 5> kCameraKinds{"giao_thong", "muc_nuoc", "cua_khau", "cho",
                                                       "du_lich"};

CameraInfo camera_from_json(const nlohmann::json& j);
// i18n keys: "camera.kind.<kind>", "camera.status.<status>".
const char* camera_kind_label(AppContext& ctx, std::string_view kind);
const char* camera_status_label(AppContext& ctx, std::string_view status);
ImU32 camera_status_color(std::string_view status);
// A dot and the status label at the cursor, on one line.
void camera_status(AppContext& ctx, const std::string& id, std::string_view status);

}  // namespace cdscb::app::screens
