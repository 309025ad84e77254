#include "app/ui/news_card.h"

#include <algorithm>
#include <cmath>

#include "app/ui/picture.h"
#include "app/ui/rich_text.h"
#include "app/ui/widgets.h"
#include "core/routes.h"

namespace cdscb::app::ui {

bool news_card(AppContext& ctx, const state::ArticleSummary& a, float width, const char* status) {
  const Theme& theme = ctx.theme;
  const float pad = 12;
  // Articles without a cover (imported text, a quick notice) give the title the whole width.
  const bool has_thumb = !a.cover_thumb.empty();
  const float thumb_w = has_thumb ? std::floor(std::min(120.0f, width * 0.32f)) : -pad;
  const float thumb_h = has_thumb ? std::floor(thumb_w * 0.75f) : 0;
  const float text_w = width - thumb_w - pad * 3;
  std::string meta = a.category_name;
  const std::string when = status ? std::string(status) : state::format_date_vi(a.published_at);
  if (!when.empty()) meta += meta.empty() ? when : " · " + when;

  const float title_h = wrapped_text_height(theme.bold, text_w, a.title, 3);
  const float meta_h = meta.empty() ? 0 : wrapped_text_height(theme.label, text_w, meta, 2) + 4;
  const float top_h = std::max(thumb_h, title_h + meta_h);
  const float summary_h =
      a.summary.empty() ? 0 : wrapped_text_height(theme.body, width - pad * 2, a.summary, 3) + 8;
  const ImVec2 size(width, std::ceil(pad + top_h + summary_h + pad));

  ImGui::PushID(a.id.c_str());
  bool pressed = ImGui::InvisibleButton("##card", size);
  const std::string id = "news.card." + a.id;
  pressed |= ctx.mirror.consume_activation(id);
  const bool held = ImGui::IsItemActive();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  if (ImGui::IsItemVisible()) {
    d->AddRectFilled(ImVec2(min.x, min.y + 2), ImVec2(max.x, max.y + 2), IM_COL32(0, 0, 0, 14), 12);
    d->AddRectFilled(min, max, held ? Theme::kCardPressed : Theme::kCard, 12);
    if (a.alert)
      d->AddRectFilled(min, ImVec2(min.x + 5, max.y), Theme::kBrand, 12,
                       ImDrawFlags_RoundCornersLeft);
    const ImVec2 thumb_min(min.x + pad, min.y + pad);
    if (has_thumb)
      picture(ctx, a.cover_thumb, "", thumb_min,
              ImVec2(thumb_min.x + thumb_w, thumb_min.y + thumb_h), static_cast<int>(thumb_w * 2));
    const float tx = thumb_min.x + thumb_w + pad;
    wrapped_text(d, theme.bold, ImVec2(tx, min.y + pad), text_w, Theme::kText, a.title, 3);
    if (!meta.empty())
      wrapped_text(d, theme.label, ImVec2(tx, min.y + pad + title_h + 4), text_w,
                   status ? Theme::kBrand : Theme::kMutedText, meta, 2);
    if (!a.summary.empty())
      wrapped_text(d, theme.body, ImVec2(min.x + pad, min.y + pad + top_h + 8), width - pad * 2,
                   Theme::kMutedText, a.summary, 3);
  }
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id,
                         .role = Role::kLink,
                         .name = a.title,
                         .href = core::route_hash({core::Screen::kNewsArticle, a.id})});
  return pressed;
}

}  // namespace cdscb::app::ui
