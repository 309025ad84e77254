#include "app/screens/feedback_ui.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/ui/picture.h"
#include "app/ui/widgets.h"

namespace screens::feedback_ui {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe + era * 400) + (m <= 2);
}

}  // namespace

const nlohmann::json& member(const nlohmann::json& j, const char* key) {
  static const nlohmann::json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string local_time(std::string_view t) {
  int y, mo, d, h, mi;
  if (std::sscanf(std::string(t).c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
    return std::string(t);
  long long minutes = (days_from_civil(y, mo, d) * 24 + h) * 60 + mi + 7 * 60;
  unsigned m2, d2;
  int y2;
  civil_from_days(minutes / (24 * 60), y2, m2, d2);
  const long long in_day = minutes % (24 * 60);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld %02u/%02u/%04d", in_day / 60, in_day % 60, d2,
                m2, y2);
  return buffer;
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

void photo_row(AppContext& ctx, const char* id, const nlohmann::json& photos) {
  if (!photos.is_array() || photos.empty()) return;
  const float side = 96, gap = 8;
  const float width = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>((width + gap) / (side + gap)));
  int i = 0;
  for (const auto& p : photos) {
    std::string url = api::str(p, "thumb_url", api::str(p, "url"));
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

void fact(AppContext& ctx, const char* id, const char* label, const std::string& value) {
  if (value.empty()) return;
  const std::string text = std::string(label) + ": " + value;
  ui::paragraph(ctx, id, text.c_str());
}

}  // namespace screens::feedback_ui
