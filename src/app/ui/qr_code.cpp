#include "app/ui/qr_code.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/ui/widgets.h"

namespace cdscb::app::ui {

void qr_code(AppContext& ctx, const char* id, const char* name, const QrMatrix& matrix,
             float max_side) {
  if (matrix.empty()) return;
  const int modules = matrix.size + 2 * kQrQuietZone;
  // Whole device pixels per module: a blurred edge between two modules is what makes scans fail.
  const float scale = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
  const float device_px = std::max(1.0f, std::floor(max_side * scale / modules));
  const float module = device_px / scale;
  const float side = module * modules;
  const float column = ImGui::GetContentRegionAvail().x;
  if (column > side) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (column - side) / 2);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  origin = ImVec2(std::round(origin.x * scale) / scale, std::round(origin.y * scale) / scale);
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(side, side));
  mirror_last_item(ctx, {.id = id, .role = Role::kImage, .name = name});
  if (!ImGui::IsItemVisible()) return;
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
  const ImU32 black = IM_COL32_BLACK;
  for (int y = 0; y < matrix.size; ++y) {
    const float top = origin.y + (y + kQrQuietZone) * module;
    // One rectangle per run of dark modules in a row: fewer vertices, no seams inside a run.
    for (int x = 0; x < matrix.size;) {
      if (!matrix.is_dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < matrix.size && matrix.is_dark(end, y)) ++end;
      const float left = origin.x + (x + kQrQuietZone) * module;
      d->AddRectFilled(ImVec2(left, top), ImVec2(left + (end - x) * module, top + module), black);
      x = end;
    }
  }
}

}  // namespace cdscb::app::ui
