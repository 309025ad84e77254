#include "app/screens/directory.h"

#include <imgui.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/geolocation.h"
#include "app/platform/redirect.h"
#include "app/platform/storage.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr std::string_view kCacheKey = "directory.v1";

// One emergency number: a large red call button, a real tel: link in the mirror.
void call_button(AppContext& ctx, const std::string& id, const state::EmergencyNumber& e,
                 float width) {
  const std::string href = "tel:" + e.number;
  ImGui::PushID(id.c_str());
  ImFont* font = ImGui::GetFont();
  const float big = ImGui::GetFontSize() * 1.4f;
  const float height = big + 14;
  bool pressed = ImGui::InvisibleButton("##call", ImVec2(width, height));
  pressed |= ctx.mirror.consume_activation(id);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, ImGui::IsItemActive() ? ui::Theme::kBrandDark : ui::Theme::kBrand, 10);
  d->AddText(font, big, ImVec2(min.x + 14, min.y + 7), ui::Theme::kOnBrand, e.number.c_str());
  const float number_w = font->CalcTextSizeA(big, FLT_MAX, 0, e.number.c_str()).x;
  const float text_x = min.x + 14 + std::max(number_w, big * 1.9f) + 10;
  d->AddText(nullptr, 0, ImVec2(text_x, min.y + (height - ImGui::GetFontSize()) / 2),
             ui::Theme::kOnBrand, e.name.c_str(), nullptr, max.x - text_x - 8);
  ImGui::PopID();
  ui::mirror_last_item(
      ctx, {.id = id, .role = ui::Role::kLink, .name = e.number + " – " + e.name, .href = href});
  if (pressed) platform::redirect::go_to(href);
}

// A record in the list: its name, kind and address on a card that opens it.
bool record_card(AppContext& ctx, const core::DirectoryRecord& r, const std::string& detail,
                 float width) {
  const std::string id = "directory.open." + r.code;
  ImGui::PushID(id.c_str());
  const ImVec2 pad(14, 10);
  const float text_w = width - pad.x * 2 - 20;
  const float name_h = ImGui::CalcTextSize(r.name.c_str(), nullptr, false, text_w).y;
  const float detail_h = ImGui::CalcTextSize(detail.c_str(), nullptr, false, text_w).y;
  bool pressed = ImGui::InvisibleButton("##card", ImVec2(width, name_h + detail_h + pad.y * 2 + 4));
  pressed |= ctx.mirror.consume_activation(id);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, ImGui::IsItemActive() ? ui::Theme::kCardPressed : ui::Theme::kCard, 8);
  d->AddRect(min, max, ui::Theme::kBorder, 8);
  d->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y), ui::Theme::kText, r.name.c_str(),
             nullptr, text_w);
  d->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y + name_h + 4), ui::Theme::kMutedText,
             detail.c_str(), nullptr, text_w);
  const float cy = (min.y + max.y) / 2, cx = max.x - 16;
  d->AddLine(ImVec2(cx - 5, cy - 6), ImVec2(cx, cy), ui::Theme::kMutedText, 2);
  d->AddLine(ImVec2(cx, cy), ImVec2(cx - 5, cy + 6), ui::Theme::kMutedText, 2);
  ImGui::PopID();
  ui::mirror_last_item(ctx, {.id = id, .role = ui::Role::kButton, .name = r.name});
  // The second line is read after the name, as text.
  ui::mirror_last_item(ctx, {.id = id + ".about", .role = ui::Role::kText, .name = detail});
  return pressed;
}

std::string distance_text(double metres) {
  char buffer[32];
  if (metres < 1000) {
    std::snprintf(buffer, sizeof buffer, "%.0f m", std::round(metres / 10) * 10);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f km", metres / 1000);
  }
  return buffer;
}

}  // namespace

void Directory::on_enter(AppContext& ctx) {
  if (!cache_loaded_) {
    cache_loaded_ = true;
    if (auto text = platform::storage::get(kCacheKey)) book_.load_cache(*text);
  }
  book_.refresh(ctx.api);
}

void Directory::take_answers(AppContext& ctx) {
  if (book_.update(ctx.api)) platform::storage::set(kCacheKey, book_.cache_text());
  if (geo_request_.empty()) return;
  auto reply = ctx.replies.take(geo_request_);
  if (!reply) return;
  geo_request_.clear();
  const auto json = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
  const auto lat = json.is_object() ? json.find("lat") : json.end();
  const auto lon = json.is_object() ? json.find("lon") : json.end();
  if (lat != json.end() && lon != json.end() && lat->is_number() && lon->is_number()) {
    near_ = core::GeoPoint{lat->get<double>(), lon->get<double>()};
    near_message_ = "directory.near_on";
  } else {
    near_.reset();
    near_message_ = api::str(json, "error") == "denied" ? "directory.near_denied"
                                                        : "directory.near_unavailable";
  }
}

void Directory::draw(AppContext& ctx) {
  take_answers(ctx);
  if (admin_.take_answers(ctx)) book_.refresh(ctx.api);
  const std::string& code = ctx.nav.current().param;
  if (!code.empty()) {
    detail_.draw(ctx, book_, code);
    return;
  }
  const ui::Page page = ui::begin_page(ctx, ctx.t("tile.directory"), /*is_home=*/false);
  const float width = page.column_width;
  draw_emergency(ctx, width);
  if (ctx.session.user() && ctx.session.user()->admin()) admin_.draw(ctx, width);
  draw_filters(ctx, width);
  draw_list(ctx, width);
  ui::end_page(ctx);
}

void Directory::draw_emergency(AppContext& ctx, float width) {
  ui::heading(ctx, "directory.emergency_title", ctx.t("directory.emergency_title"), 2);
  for (const auto& e : book_.emergency()) {
    call_button(ctx, "directory.call." + e.number, e, width);
  }
}

void Directory::draw_filters(AppContext& ctx, float width) {
  ImGui::Dummy(ImVec2(0, 6));
  ui::text_field(ctx, "directory.search", ctx.t("directory.search"), query_,
                 {.placeholder = ctx.t("directory.search_hint")});
  const std::vector<std::string> kinds{
      ctx.t("directory.kind_all"), ctx.t("directory.kind_departments"),
      ctx.t("directory.kind_communes"), ctx.t("directory.kind_police")};
  ui::combo(ctx, "directory.kind", ctx.t("directory.kind"), kind_, kinds);
  if (ui::button(ctx, "directory.near", ctx.t("directory.near"), ui::ButtonKind::kSecondary, width,
                 near_.has_value())) {
    if (near_) {
      near_.reset();
      near_message_ = nullptr;
    } else if (geo_request_.empty()) {
      near_message_ = "directory.near_locating";
      geo_request_ = ctx.replies.expect(platform::geolocation::request_position());
    }
  }
  if (near_message_) ui::status_banner(ctx, "directory.near_status", ctx.t(near_message_));
}

void Directory::draw_list(AppContext& ctx, float width) {
  if (!book_.has_data()) {
    const char* text = book_.loading() ? ctx.t("common.loading") : book_.error().message.c_str();
    ui::status_banner(ctx, "directory.status", text);
    return;
  }
  if (!book_.fresh() && !book_.loading() && !book_.error().message.empty())
    ui::status_banner(ctx, "directory.offline_copy", ctx.t("directory.offline_copy"));
  const auto kind = static_cast<state::KindFilter>(std::max(0, kind_));
  const auto hits = book_.filter(query_, kind, near_);
  const std::string count = std::to_string(hits.size()) + " " + ctx.t("directory.count");
  ui::paragraph(ctx, "directory.count", count.c_str(), ui::Theme::kMutedText);
  if (hits.empty()) ui::paragraph(ctx, "directory.none", ctx.t("directory.no_results"));
  for (const auto& hit : hits) {
    const core::DirectoryRecord& r = *hit.record;
    ImGui::Dummy(ImVec2(0, 4));
    std::string detail = ctx.t(kind_label(r.kind));
    if (!r.address.empty()) detail += " · " + r.address;
    if (hit.distance_m) detail += " · " + distance_text(*hit.distance_m);
    if (record_card(ctx, r, detail, width)) ctx.nav.go({core::Screen::kDirectory, r.code});
    draw_phones(ctx, r);
  }
}

}  // namespace cdscb::app::screens
