#include "app/ui/page.h"

#include <imgui_internal.h>

#include <algorithm>

#include "app/ui/icons.h"
#include "app/ui/widgets.h"

namespace cdscb::app::ui {
namespace {

constexpr ImGuiWindowFlags kPageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;

void draw_header(AppContext& ctx, const char* title, bool is_home, float width) {
  const Theme& theme = ctx.theme;
  const float h = theme.header_height();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(ImVec2(0, 0), ImVec2(width, h), Theme::kBrand);
  const float column = std::min(width, theme.max_column_width());
  const float x0 = (width - column) / 2 + 8;
  ImGui::PushFont(theme.title);
  const float title_h = ImGui::GetTextLineHeight();
  if (is_home) {
    ImGui::SetCursorPos(ImVec2(x0 + 8, (h - title_h) / 2));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Theme::kOnBrand), "%s", title);
    mirror_last_item(ctx,
                     {.id = "header.title", .role = Role::kHeading, .name = title, .level = 1});
    ImGui::PopFont();
    // The account button: "Đăng nhập" for a visitor, "Tài khoản" once signed in.
    const bool signed_in = ctx.session.user().has_value();
    const char* label = ctx.t(signed_in ? "home.account" : "home.login");
    const float bw = ImGui::CalcTextSize(label).x + 24;
    ImGui::SetCursorPos(ImVec2(x0 - 8 + column - 16 - bw, (h - 44) / 2));
    if (button(ctx, "header.login", label, ButtonKind::kOnBrand, bw))
      ctx.nav.go({signed_in ? core::Screen::kAccount : core::Screen::kLogin, ""});
    return;
  }
  ImGui::SetCursorPos(ImVec2(x0, (h - 44) / 2));
  ImGui::PushID("header.back");
  bool back = ImGui::InvisibleButton("##back", ImVec2(44, 44));
  back |= ctx.mirror.consume_activation("header.back");
  ImVec2 bmin = ImGui::GetItemRectMin();
  if (ImGui::IsItemActive())
    d->AddCircleFilled(ImVec2(bmin.x + 22, bmin.y + 22), 20, IM_COL32(255, 255, 255, 50));
  draw_back_chevron(d, ImVec2(bmin.x + 22, bmin.y + 22), 20, Theme::kOnBrand);
  ImGui::PopID();
  mirror_last_item(ctx, {.id = "header.back", .role = Role::kButton, .name = ctx.t("common.back")});
  if (back) ctx.nav.back();
  ImGui::SetCursorPos(ImVec2(x0 + 52, (h - title_h) / 2));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Theme::kOnBrand), "%s", title);
  mirror_last_item(ctx, {.id = "header.title", .role = Role::kHeading, .name = title, .level = 1});
  ImGui::PopFont();
}

}  // namespace

Page begin_page(AppContext& ctx, const char* title, bool is_home) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##page", nullptr, kPageFlags);
  draw_header(ctx, title, is_home, vp->Size.x);

  const float h = ctx.theme.header_height();
  ImGui::SetCursorPos(ImVec2(0, h));
  ImGui::BeginChild("##content", ImVec2(vp->Size.x, vp->Size.y - h), false,
                    ImGuiWindowFlags_NoSavedSettings);
  ctx.scroller.apply_to_current_window();

  const float pad = ctx.theme.pad();
  const float column = std::min(vp->Size.x, ctx.theme.max_column_width());
  const float x0 = (vp->Size.x - column) / 2 + pad;
  Page page{column - pad * 2};
  ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
  ImGui::Indent(x0);
  // Limit the content region to the column so widgets that fill "the available width" fit it.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = window->Pos.x + x0 + page.column_width;
  ImGui::PushTextWrapPos(x0 + page.column_width);
  if (ctx.connectivity.offline()) ui::status_banner(ctx, "page.offline", ctx.t("common.offline"));
  return page;
}

void end_page(AppContext&) {
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 24));
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace cdscb::app::ui
