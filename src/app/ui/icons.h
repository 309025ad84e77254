#pragma once
// Simple vector icons for the home tiles, drawn with ImGui's draw list (no image files to load).
#include <imgui.h>

namespace cdscb::app::ui {

enum class Icon { kNews, kGovernment, kFeedback, kServices, kPayments, kCamera, kSettings };

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 color);
void draw_back_chevron(ImDrawList* draw, ImVec2 center, float size, ImU32 color);

}  // namespace cdscb::app::ui
