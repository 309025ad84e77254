#include "app/screens/feedback_ui.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/state/news.h"
#include "app/ui/picture.h"
#include "app/ui/widgets.h"
#include "core/feedback_listed_json.h"
#include "core/time_text.h"

namespace cdscb::app::screens::feedback_ui {

const nlohmann::json& member(const nlohmann::json& j, const char* key) {
  static const nlohmann::json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string local_time(std::string_view t) {
  std::string shown = state::format_date_vi(t);
  return shown.empty() ? std::string(t) : shown;
}

std::string list_name(AppContext& ctx, const core::ListedFeedback& item) {
  if (item.record) return item.record->title;
  char name[256];
  std::snprintf(name, sizeof name, ctx.t("feedback.unpublished_name"),
                item.follower.field.name.c_str(),
                core::vietnam_day_text(item.follower.date).c_str());
  return name;
}

std::string status_changes(const core::FeedbackFollowerView& item) {
  std::string text;
  if (!item.updates) return text;
  for (const core::FeedbackStatusDay& update : *item.updates) {
    if (!text.empty()) text += " → ";
    text += update.status_label + " " + core::vietnam_day_text(update.date);
  }
  return text;
}

bool card(AppContext& ctx, const char* id, const std::string& title, const std::string& line,
          bool alert) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 pad(14, 10);
  ImGui::PushFont(ctx.theme.bold);
  const float title_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, width - pad.x * 2).y;
  ImGui::PopFont();
  const float line_h = ImGui::CalcTextSize(line.c_str(), nullptr, false, width - pad.x * 2).y;
  ImGui::PushID(id);
  bool pressed = ImGui::InvisibleButton("##card", ImVec2(width, title_h + line_h + pad.y * 2 + 4));
  pressed |= ctx.mirror.consume_activation(id);
  const bool held = ImGui::IsItemActive();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, held ? ui::Theme::kCardPressed : ui::Theme::kCard, 10);
  d->AddRect(min, max, alert ? ui::Theme::kError : ui::Theme::kBorder, 10, 0, alert ? 2.0f : 1.0f);
  ImGui::PushFont(ctx.theme.bold);
  d->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y), ui::Theme::kText, title.c_str(),
             nullptr, width - pad.x * 2);
  ImGui::PopFont();
  d->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y + title_h + 4),
             alert ? ui::Theme::kError : ui::Theme::kMutedText, line.c_str(), nullptr,
             width - pad.x * 2);
  ImGui::PopID();
  ui::mirror_last_item(ctx, {.id = id, .role = ui::Role::kButton, .name = title});
  ui::mirror_last_item(
      ctx, {.id = std::string(id) + ".line", .role = ui::Role::kText, .name = title + ": " + line});
  return pressed;
}

void thumbnail(AppContext& ctx, const std::string& url, float side) {
  ImGui::Dummy(ImVec2(side, side));
  // A photo restored from the draft has no URL until the store made one.
  if (!url.empty())
    ui::picture(ctx, url, "", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                static_cast<int>(side * 2));
}

void photo_row(AppContext& ctx, const char* id, const std::vector<core::FeedbackPhoto>& photos) {
  if (photos.empty()) return;
  const float side = 96, gap = 8;
  const float width = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>((width + gap) / (side + gap)));
  int i = 0;
  for (const auto& p : photos) {
    const std::string& url = p.thumb_url.empty() ? p.url : p.thumb_url;
    if (url.empty()) continue;
    if (i % per_row != 0) ImGui::SameLine(0, gap);
    thumbnail(ctx, url, side);
    ++i;
    ui::mirror_last_item(ctx,
                         {.id = std::string(id) + "." + std::to_string(i),
                          .role = ui::Role::kText,
                          .name = std::string(ctx.t("feedback.photo")) + " " + std::to_string(i)});
  }
}

std::string coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

bool take_list(AppContext& ctx, api::Call& call, nlohmann::json& items, std::string& error,
               std::string* next_cursor) {
  auto r = call.poll(ctx.api);
  if (!r) return false;
  if (!r->ok()) {
    error = api::error_of(*r).message;
    return false;
  }
  const auto body = nlohmann::json::parse(r->body, nullptr, false);
  const auto& list = member(body, "items");
  items = list.is_array() ? list : nlohmann::json::array();
  if (next_cursor) *next_cursor = api::str(body, "next_cursor");
  error.clear();
  return true;
}

bool take_feedback_list(AppContext& ctx, api::Call& call, std::vector<core::FeedbackRecord>& items,
                        std::string& error) {
  nlohmann::json list;
  if (!take_list(ctx, call, list, error)) return false;
  items = core::feedback_records_from_json(&list);
  return true;
}

bool take_listed_feedback(AppContext& ctx, api::Call& call,
                          std::vector<core::ListedFeedback>& items, std::string& error) {
  nlohmann::json list;
  if (!take_list(ctx, call, list, error)) return false;
  items = core::listed_feedback_items_from_json(&list);
  return true;
}

void fact(AppContext& ctx, const char* id, const char* label, const std::string& value) {
  if (value.empty()) return;
  const std::string text = std::string(label) + ": " + value;
  ui::paragraph(ctx, id, text.c_str());
}

}  // namespace cdscb::app::screens::feedback_ui
