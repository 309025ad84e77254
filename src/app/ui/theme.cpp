#include "app/ui/theme.h"

namespace cdscb::app::ui {

void Theme::apply_imgui_style() const {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.FrameRounding = 8;
  style.FramePadding = ImVec2(12, 10);
  style.ItemSpacing = ImVec2(12, 12);
  style.ScrollbarSize = 4;
  style.ScrollbarRounding = 2;
  style.TouchExtraPadding = ImVec2(2, 2);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(kBrand);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(kBrandDark);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(kBrandDark);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(kCard);
  c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(kBrand);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
}

}  // namespace cdscb::app::ui
