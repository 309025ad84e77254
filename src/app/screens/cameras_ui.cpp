#include "app/screens/cameras_ui.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

CameraInfo camera_from_json(const nlohmann::json& j) {
  CameraInfo c{.code = api::str(j, "code"),
               .name = api::str(j, "name"),
               .commune = api::str(j, "commune"),
               .commune_name = api::str(j, "commune_name"),
               .place = api::str(j, "place"),
               .kind = api::str(j, "kind"),
               .status = api::str(j, "status"),
               .snapshot = api::str(j, "snapshot"),
               .live = api::str(j, "live")};
  const auto number = [&](const char* key) -> std::optional<double> {
    auto it = j.is_object() ? j.find(key) : j.end();
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
  };
  c.lat = number("lat").value_or(0);
  c.lng = number("lng").value_or(0);
  c.distance_m = number("distance_m");
  return c;
}

const char* camera_kind_label(AppContext& ctx, std::string_view kind) {
  for (std::string_view k : kCameraKinds)
    if (k == kind) return ctx.t("camera.kind." + std::string(kind));
  return "";
}

const char* camera_status_label(AppContext& ctx, std::string_view status) {
  if (status == "online" || status == "offline" || status == "maintenance")
    return ctx.t("camera.status." + std::string(status));
  return "";
}

ImU32 camera_status_color(std::string_view status) {
  if (status == "online") return IM_COL32(46, 125, 50, 255);
  if (status == "maintenance") return IM_COL32(230, 81, 0, 255);
  return IM_COL32(198, 40, 40, 255);
}

void camera_status(AppContext& ctx, const std::string& id, std::string_view status) {
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + line / 2, at.y + line / 2), line * 0.3f,
                                              camera_status_color(status), 12);
  ImGui::Dummy(ImVec2(line, line));
  ImGui::SameLine(0, 4);
  ui::paragraph(ctx, id.c_str(), camera_status_label(ctx, status), camera_status_color(status));
}

}  // namespace cdscb::app::screens
