#pragma once
// Colours, sizes and fonts of the app. Sizes are in CSS pixels and grow with "Chữ lớn".
#include <imgui.h>

namespace cdscb::app::ui {

struct Theme {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* title = nullptr;
  ImFont* label = nullptr;  // tile labels: bold, a little smaller than body text
  float scale = 1.0f;       // text scale chosen by the citizen

  static constexpr ImU32 kBrand = IM_COL32(183, 28, 28, 255);  // province red
  static constexpr ImU32 kBrandDark = IM_COL32(140, 20, 20, 255);
  static constexpr ImU32 kBackground = IM_COL32(245, 246, 248, 255);
  static constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
  static constexpr ImU32 kCardPressed = IM_COL32(232, 234, 240, 255);
  static constexpr ImU32 kText = IM_COL32(28, 32, 40, 255);
  static constexpr ImU32 kMutedText = IM_COL32(96, 104, 116, 255);
  static constexpr ImU32 kBorder = IM_COL32(214, 218, 226, 255);
  static constexpr ImU32 kFocus = IM_COL32(21, 101, 192, 255);
  static constexpr ImU32 kError = IM_COL32(198, 40, 40, 255);
  static constexpr ImU32 kOnBrand = IM_COL32(255, 255, 255, 255);

  float header_height() const { return 56.0f * scale; }
  float pad() const { return 16.0f; }
  float max_column_width() const { return 600.0f; }

  void apply_imgui_style() const;
};

}  // namespace cdscb::app::ui
