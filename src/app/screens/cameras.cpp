#include "app/screens/cameras.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/platform/geolocation.h"
#include "app/platform/inbox.h"
#include "app/state/news.h"
#include "app/ui/page.h"
#include "app/ui/picture.h"
#include "app/ui/widgets.h"
#include "core/directory.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kMapId = "cameras.map";
constexpr int kPageSize = 50;
// Snapshots are taken about every 30 s on the server; asking more often shows nothing new.
constexpr double kRefreshSeconds = 30;
constexpr int kThumbWidth = 112;  // 16:9 thumbnails, decoded at twice that for sharp screens

}  // namespace

void Cameras::on_enter(AppContext& ctx) {
  entered_param_ = "\x01";
  fetch(ctx);
}

std::string Cameras::list_path(const std::string& cursor) const {
  std::string path = "/api/v1/cameras?limit=" + std::to_string(kPageSize);
  if (!query_.empty()) path += "&q=" + state::url_encode(query_);
  if (kind_ > 0) path += "&kind=" + std::string(kCameraKinds[kind_ - 1]);
  if (near_) {
    char near[64];
    std::snprintf(near, sizeof near, "%.6f,%.6f", near_->first, near_->second);
    path += "&near=" + state::url_encode(near);
  }
  if (!cursor.empty()) path += "&cursor=" + state::url_encode(cursor);
  return path;
}

void Cameras::fetch(AppContext& ctx) {
  // One call at a time: when it returns, filters changed meanwhile are fetched then.
  if (call_.waiting()) return;
  fetched_ = list_path("");
  call_.start(ctx.api, "GET", fetched_);
}

void Cameras::take_answers(AppContext& ctx) {
  if (auto r = call_.poll(ctx.api)) {
    if (r->ok()) {
      const auto body = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
      items_.clear();
      if (body.is_object() && body.contains("items") && body["items"].is_array())
        for (const auto& item : body["items"]) items_.push_back(camera_from_json(item));
      next_cursor_ = api::str(body, "next_cursor");
      loaded_ = true;
      markers_changed_ = true;
      error_ = {};
    } else {
      error_ = api::error_of(*r);
    }
    if (fetched_ != list_path("")) fetch(ctx);
  }
  if (auto r = more_.poll(ctx.api); r && r->ok()) {
    const auto body = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
    if (body.is_object() && body.contains("items") && body["items"].is_array())
      for (const auto& item : body["items"]) items_.push_back(camera_from_json(item));
    next_cursor_ = api::str(body, "next_cursor");
    markers_changed_ = true;
  }
  if (!geo_request_.empty()) {
    if (auto reply = ctx.replies.take(geo_request_)) {
      geo_request_.clear();
      const auto j = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
      const auto lat = j.is_object() ? j.find("lat") : j.end();
      const auto lon = j.is_object() ? j.find("lon") : j.end();
      if (lat != j.end() && lon != j.end() && lat->is_number() && lon->is_number()) {
        near_ = {lat->get<double>(), lon->get<double>()};
        near_message_ = "camera.near_on";
      } else {
        near_.reset();
        near_message_ =
            api::str(j, "error") == "denied" ? "camera.near_denied" : "camera.near_unavailable";
      }
      fetch(ctx);
    }
  }
  const std::string& tapped = ctx.replies.expect(std::string("map-marker:") + kMapId);
  if (auto reply = ctx.replies.take(tapped)) {
    const auto j = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
    const long long index = api::integer(j, "id") - 1;  // markers are numbered from 1
    if (index >= 0 && index < static_cast<long long>(items_.size()))
      ctx.nav.go({core::Screen::kCameras, items_[index].code});
  }
}

void Cameras::draw(AppContext& ctx) {
  const std::string& code = ctx.nav.current().param;
  if (code != entered_param_) {
    entered_param_ = code;
    if (!code.empty())
      live_.enter(ctx, code);
    else
      fetch(ctx);  // back from a camera: statuses may have changed
  }
  if (!code.empty()) {
    live_.draw(ctx);
    return;
  }
  take_answers(ctx);
  const ui::Page page = ui::begin_page(ctx, ctx.t("tile.cameras"), /*is_home=*/false);
  draw_filters(ctx, page.column_width);
  if (show_map_)
    draw_map(ctx);
  else
    draw_list(ctx, page.column_width);
  ui::end_page(ctx);
}

void Cameras::draw_filters(AppContext& ctx, float width) {
  if (ui::text_field(ctx, "camera.search", ctx.t("camera.search"), query_,
                     {.placeholder = ctx.t("camera.search_hint")}))
    fetch(ctx);
  std::vector<std::string> kinds{ctx.t("camera.kind_all")};
  for (std::string_view k : kCameraKinds) kinds.emplace_back(camera_kind_label(ctx, k));
  if (ui::combo(ctx, "camera.kind", ctx.t("camera.kind"), kind_, kinds)) fetch(ctx);
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ui::button(ctx, "camera.near", ctx.t("camera.near"), ui::ButtonKind::kSecondary, half,
                 near_.has_value())) {
    if (near_) {
      near_.reset();
      near_message_ = nullptr;
      fetch(ctx);
    } else if (geo_request_.empty()) {
      near_message_ = "camera.near_locating";
      geo_request_ = ctx.replies.expect(platform::geolocation::request_position());
    }
  }
  ImGui::SameLine();
  if (ui::button(ctx, "camera.map", ctx.t("camera.map"), ui::ButtonKind::kSecondary, half,
                 show_map_)) {
    show_map_ = !show_map_;
    markers_changed_ = true;
  }
  if (near_message_) ui::status_banner(ctx, "camera.near_status", ctx.t(near_message_));
  if (!error_.message.empty()) ui::status_banner(ctx, "camera.error", error_.message.c_str());
}

void Cameras::draw_map(AppContext& ctx) {
  // The whole province: Cao Bằng city near its middle.
  static const platform::map::View kView{.lat = 22.7, .lon = 106.05, .zoom = 8};
  ctx.overlays.map(kMapId, 440, kView);
  if (markers_changed_) {
    std::vector<platform::map::Marker> markers;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const CameraInfo& c = items_[i];
      markers.push_back({.id = static_cast<long long>(i + 1),
                         .lat = c.lat,
                         .lon = c.lng,
                         .title = c.name,
                         .status = "camera-" + c.status,
                         .label = camera_status_label(ctx, c.status)});
    }
    platform::map::set_markers(kMapId, markers);
    markers_changed_ = false;
  }
  ui::paragraph(ctx, "camera.map_hint", ctx.t("camera.map_hint"), ui::Theme::kMutedText);
}

bool Cameras::camera_row(AppContext& ctx, const CameraInfo& c, float width) {
  const std::string id = "camera.open." + c.code;
  const std::string status = camera_status_label(ctx, c.status);
  std::string about = c.place;
  if (const char* kind = camera_kind_label(ctx, c.kind); *kind)
    about += (about.empty() ? "" : " · ") + std::string(kind);
  if (c.distance_m) about += " · " + core::distance_text(*c.distance_m);
  ImGui::PushID(id.c_str());
  const ImVec2 pad(10, 10);
  const float thumb_w = kThumbWidth, thumb_h = thumb_w * 9 / 16;
  const float text_x = pad.x + thumb_w + 12;
  const float text_w = width - text_x - pad.x;
  const float line = ImGui::GetTextLineHeight();
  const float name_h = ImGui::CalcTextSize(c.name.c_str(), nullptr, false, text_w).y;
  const float about_h = ImGui::CalcTextSize(about.c_str(), nullptr, false, text_w).y;
  const float height = std::max(thumb_h, name_h + about_h + line + 8) + pad.y * 2;
  bool pressed = ImGui::InvisibleButton("##row", ImVec2(width, height));
  pressed |= ctx.mirror.consume_activation(id);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, ImGui::IsItemActive() ? ui::Theme::kCardPressed : ui::Theme::kCard, 8);
  d->AddRect(min, max, ui::Theme::kBorder, 8);
  const ImVec2 thumb_min(min.x + pad.x, min.y + pad.y);
  const ImVec2 thumb_max(thumb_min.x + thumb_w, thumb_min.y + thumb_h);
  ui::picture(ctx, c.snapshot, "", thumb_min, thumb_max, kThumbWidth * 2, 6);
  float y = min.y + pad.y;
  d->AddText(nullptr, 0, ImVec2(min.x + text_x, y), ui::Theme::kText, c.name.c_str(), nullptr,
             text_w);
  y += name_h + 2;
  d->AddText(nullptr, 0, ImVec2(min.x + text_x, y), ui::Theme::kMutedText, about.c_str(), nullptr,
             text_w);
  y += about_h + 4;
  const ImU32 color = camera_status_color(c.status);
  d->AddCircleFilled(ImVec2(min.x + text_x + line * 0.3f, y + line / 2), line * 0.28f, color, 12);
  d->AddText(ImVec2(min.x + text_x + line * 0.8f, y), color, status.c_str());
  ImGui::PopID();
  // Every camera is a button named by its name and status; the place and kind follow as text.
  ui::mirror_last_item(ctx, {.id = id, .role = ui::Role::kButton, .name = c.name + " – " + status});
  ui::mirror_last_item(ctx, {.id = id + ".about", .role = ui::Role::kText, .name = about});
  return pressed;
}

void Cameras::draw_list(AppContext& ctx, float width) {
  if (!loaded_) {
    if (error_.message.empty()) ui::status_banner(ctx, "camera.status", ctx.t("common.loading"));
    return;
  }
  // Snapshots (and statuses) are asked again only while this list is drawn.
  const double now = ImGui::GetTime();
  const bool refresh = now >= next_refresh_;
  if (refresh) {
    next_refresh_ = now + kRefreshSeconds;
    platform::request_wake_after(kRefreshSeconds);
    if (next_cursor_.empty() && !call_.waiting()) fetch(ctx);
  }
  if (items_.empty()) ui::paragraph(ctx, "camera.none", ctx.t("camera.none"));
  std::string commune;
  for (const CameraInfo& c : items_) {
    // Grouped by commune, as the server orders them (by distance with "Gần tôi": no groups).
    if (!near_ && c.commune_name != commune) {
      commune = c.commune_name;
      ImGui::Dummy(ImVec2(0, 6));
      ui::heading(ctx, ("camera.commune." + c.commune).c_str(), commune.c_str(), 2);
    }
    ImGui::Dummy(ImVec2(0, 2));
    if (camera_row(ctx, c, width)) ctx.nav.go({core::Screen::kCameras, c.code});
    if (refresh && ImGui::IsItemVisible()) ctx.images.refresh(c.snapshot);
  }
  if (!next_cursor_.empty() &&
      ui::button(ctx, "camera.more", ctx.t("camera.more"), ui::ButtonKind::kSecondary, width) &&
      !more_.waiting())
    more_.start(ctx.api, "GET", list_path(next_cursor_));
}

}  // namespace cdscb::app::screens
