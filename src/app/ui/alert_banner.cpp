#include "app/ui/alert_banner.h"

#include <cmath>
#include <string>

#include "app/state/news.h"
#include "app/ui/rich_text.h"
#include "app/ui/widgets.h"
#include "core/time_text.h"

namespace cdscb::app::ui {
namespace {

struct Style {
  ImU32 background, accent;
  const char* label_key;
};

Style style_of(const std::string& kind) {
  if (kind == "flood")
    return {IM_COL32(227, 242, 253, 255), IM_COL32(21, 101, 192, 255), "news.alert.flood"};
  if (kind == "landslide")
    return {IM_COL32(255, 243, 224, 255), IM_COL32(191, 54, 12, 255), "news.alert.landslide"};
  if (kind == "storm")
    return {IM_COL32(237, 231, 246, 255), IM_COL32(81, 45, 168, 255), "news.alert.storm"};
  return {IM_COL32(255, 235, 238, 255), Theme::kBrand, "news.alert.other"};
}

// Icons drawn in a circle of radius r: waves (flood), a mountain with falling rocks (landslide),
// a spiral of wind (storm), an exclamation mark (other).
void draw_kind_icon(ImDrawList* d, const std::string& kind, ImVec2 c, float r, ImU32 col) {
  d->AddCircleFilled(c, r, col, 24);
  const ImU32 w = IM_COL32_WHITE;
  const float s = r * 0.55f;
  if (kind == "flood") {
    for (float dy : {-0.45f, 0.05f, 0.55f}) {
      ImVec2 p0(c.x - s, c.y + dy * s);
      d->AddBezierCubic(p0, ImVec2(c.x - s * 0.5f, p0.y - s * 0.35f),
                        ImVec2(c.x + s * 0.5f, p0.y + s * 0.35f), ImVec2(c.x + s, p0.y), w, 2.2f);
    }
  } else if (kind == "landslide") {
    d->AddTriangleFilled(ImVec2(c.x - s, c.y + s * 0.8f), ImVec2(c.x - s * 0.1f, c.y - s * 0.9f),
                         ImVec2(c.x + s * 0.5f, c.y + s * 0.8f), w);
    d->AddCircleFilled(ImVec2(c.x + s * 0.75f, c.y + s * 0.1f), s * 0.2f, w);
    d->AddCircleFilled(ImVec2(c.x + s * 0.9f, c.y + s * 0.6f), s * 0.16f, w);
  } else if (kind == "storm") {
    for (int i = 0; i < 3; ++i) {
      const float rr = s * (0.35f + 0.3f * i);
      const float a0 = i * 2.1f;
      d->PathArcTo(c, rr, a0, a0 + 3.6f, 12);
      d->PathStroke(w, 0, 2.2f);
    }
  } else {
    d->AddLine(ImVec2(c.x, c.y - s * 0.8f), ImVec2(c.x, c.y + s * 0.2f), w, 3);
    d->AddCircleFilled(ImVec2(c.x, c.y + s * 0.65f), 2.2f, w);
  }
}

}  // namespace

bool alert_banner(AppContext& ctx, const state::Alert& alert, float width, bool expanded) {
  const Style style = style_of(alert.kind);
  const float pad = 12, icon_r = 18;
  const float text_x = pad + icon_r * 2 + pad;
  const float text_w = width - text_x - pad;
  const std::string kind = ctx.t(style.label_key);
  const std::string until =
      std::string(ctx.t("news.alert.until")) + " " + core::vietnam_date_time_text(alert.expires_at);
  const float kind_h = wrapped_text_height(ctx.theme.label, text_w, kind, 1);
  const float title_h = wrapped_text_height(ctx.theme.bold, text_w, alert.title, 4);
  float body_h = 0;
  if (expanded) {
    body_h += wrapped_text_height(ctx.theme.body, text_w, alert.text, 40) + 6;
    body_h += wrapped_text_height(ctx.theme.label, text_w, until, 2) + 6;
  }
  const ImVec2 size(width,
                    std::ceil(std::max(icon_r * 2, kind_h + 2 + title_h + body_h) + pad * 2));
  const std::string id = "home.alert." + alert.id;
  ImGui::PushID(id.c_str());
  bool pressed = ImGui::InvisibleButton("##alert", size);
  pressed |= ctx.mirror.consume_activation(id);
  ImGui::PopID();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, style.background, 10);
  d->AddRectFilled(min, ImVec2(min.x + 6, max.y), style.accent, 10, ImDrawFlags_RoundCornersLeft);
  draw_kind_icon(d, alert.kind, ImVec2(min.x + pad + icon_r, min.y + pad + icon_r), icon_r,
                 style.accent);
  float y = min.y + pad;
  y += wrapped_text(d, ctx.theme.label, ImVec2(min.x + text_x, y), text_w, style.accent, kind, 1) +
       2;
  y += wrapped_text(d, ctx.theme.bold, ImVec2(min.x + text_x, y), text_w, Theme::kText, alert.title,
                    4);
  if (expanded) {
    y += 6;
    y += wrapped_text(d, ctx.theme.body, ImVec2(min.x + text_x, y), text_w, Theme::kText,
                      alert.text, 40) +
         6;
    wrapped_text(d, ctx.theme.label, ImVec2(min.x + text_x, y), text_w, Theme::kMutedText, until,
                 2);
  }
  std::string name = kind + ": " + alert.title;
  if (expanded) name += ". " + alert.text + ". " + until;
  mirror_last_item(ctx, {.id = id, .role = Role::kButton, .name = name, .selected = expanded});
  return pressed;
}

}  // namespace cdscb::app::ui
