#include "app/screens/feedback_public_map.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/ui/widgets.h"
#include "core/feedback_listed_json.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kMapId = "feedback.public_map";
constexpr float kMapHeight = 440;

// The colours of shell.css's .feedback-marker: waiting (submitted, received), in progress
// (in_progress, transferred), resolved, rejected.
struct LegendEntry {
  const char* status_key;
  ImU32 color;
};
constexpr LegendEntry kLegend[] = {
    {"feedback.map_waiting", IM_COL32(21, 101, 192, 255)},
    {"feedback.status_in_progress", IM_COL32(230, 81, 0, 255)},
    {"feedback.status_resolved", IM_COL32(46, 125, 50, 255)},
    {"feedback.status_rejected", IM_COL32(97, 97, 97, 255)},
};

double number(const nlohmann::json& j, const char* key) {
  return core::json_read::optional_number(j, key).value_or(0);
}

}  // namespace

void FeedbackPublicMap::set_filters(AppContext& ctx, const std::string& filters) {
  if (filters == filters_) return;
  filters_ = filters;
  fetch(ctx);
}

void FeedbackPublicMap::fetch(AppContext& ctx) {
  if (bbox_.empty()) return;  // the map reports its view as soon as it shows
  // One call at a time: when it returns, a view or filters changed meanwhile are fetched then.
  if (call_.waiting()) return;
  fetched_ = bbox_ + filters_;
  call_.start(ctx.api, "GET", "/api/v1/public/feedback/map?bbox=" + bbox_ + filters_);
}

void FeedbackPublicMap::take_replies(AppContext& ctx) {
  const std::string& moved = ctx.replies.expect(std::string("map-view:") + kMapId);
  if (auto reply = ctx.replies.take(moved)) {
    const auto j = nlohmann::json::parse(*reply, nullptr, false);
    char box[128];
    std::snprintf(box, sizeof box, "%.6f,%.6f,%.6f,%.6f", number(j, "west"), number(j, "south"),
                  number(j, "east"), number(j, "north"));
    if (bbox_ != box) {
      bbox_ = box;
      fetch(ctx);
    }
  }
  const std::string& tapped = ctx.replies.expect(std::string("map-marker:") + kMapId);
  if (auto reply = ctx.replies.take(tapped)) {
    const auto j = nlohmann::json::parse(*reply, nullptr, false);
    if (const long long id = api::integer(j, "id"); id > 0)
      ctx.nav.go(core::feedback_route(core::FeedbackPage::kDetail, id));
  }
  if (auto r = call_.poll(ctx.api)) {
    if (r->ok()) {
      const core::FeedbackMap map =
          core::feedback_map_from_json(nlohmann::json::parse(r->body, nullptr, false));
      markers_.clear();
      for (const core::FeedbackMarker& m : map.items)
        markers_.push_back({.id = m.id,
                            .lat = m.lat,
                            .lon = m.lng,
                            .title = m.title,
                            .status = m.status,
                            .label = m.status_label});
      truncated_ = map.truncated;
      markers_changed_ = true;
      loaded_ = true;
      error_.clear();
    } else {
      error_ = api::error_of(*r).message;
    }
    if (fetched_ != bbox_ + filters_) fetch(ctx);
  }
}

void FeedbackPublicMap::draw_legend(AppContext& ctx, float width) {
  ImDrawList* d = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  float x = 0;
  for (const LegendEntry& entry : kLegend) {
    const char* label = ctx.t(entry.status_key);
    const float item_w = line + 6 + ImGui::CalcTextSize(label).x + 16;
    if (x > 0 && x + item_w <= width)
      ImGui::SameLine(0, 0);
    else
      x = 0;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    d->AddCircleFilled(ImVec2(at.x + line / 2, at.y + line / 2), line * 0.38f, entry.color, 16);
    d->AddCircle(ImVec2(at.x + line / 2, at.y + line / 2), line * 0.38f, IM_COL32_WHITE, 16, 2);
    ImGui::Dummy(ImVec2(line + 6, line));
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(16, line));
    x += item_w;
  }
}

void FeedbackPublicMap::draw(AppContext& ctx, float width) {
  take_replies(ctx);
  if (!error_.empty() && !ctx.connectivity.offline())
    ui::status_banner(ctx, "feedback.map_error", error_.c_str());
  ctx.overlays.map(kMapId, kMapHeight, view_);
  if (markers_changed_) {
    platform::map::set_markers(kMapId, markers_);
    markers_changed_ = false;
  }
  draw_legend(ctx, width);
  if (loaded_ && markers_.empty())
    ui::paragraph(ctx, "feedback.map_empty", ctx.t("feedback.map_empty"), ui::Theme::kMutedText);
  else if (truncated_)
    ui::paragraph(ctx, "feedback.map_truncated", ctx.t("feedback.map_truncated"),
                  ui::Theme::kMutedText);
  else
    ui::paragraph(ctx, "feedback.map_hint", ctx.t("feedback.map_hint"), ui::Theme::kMutedText);
}

}  // namespace cdscb::app::screens
