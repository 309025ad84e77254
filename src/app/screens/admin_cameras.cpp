#include "app/screens/admin_cameras.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/communes.h"
#include "core/directory.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kAdminPath = "/api/v1/admin/cameras";
constexpr const char* kNew = "moi";

std::string coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.7g", value);
  return buffer;
}

// A coordinate as typed: a number when it reads as one, else the text, which the server names as
// the field's error.
nlohmann::json coordinate_json(const std::string& text) {
  if (const auto value = core::parse_coordinate(text)) return *value;
  return text;
}

}  // namespace

void AdminCameras::on_enter(AppContext& ctx) {
  loaded_ = false;
  error_ = {};
  notice_.clear();
  param_ = "\x01";
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx);
}

void AdminCameras::load(AppContext& ctx) {
  if (!list_.waiting()) list_.start(ctx.api, "GET", kAdminPath);
}

void AdminCameras::take_answers(AppContext& ctx) {
  if (auto items = take_list(ctx, list_, "items", loaded_, error_)) {
    rows_.clear();
    for (const auto& item : *items)
      rows_.push_back({camera_from_json(item), api::str(item, "source_url"),
                       api::boolean(item, "published", true), api::boolean(item, "maintenance")});
    param_ = "\x01";  // the form reads the record again
  }
  if (auto answer = save_.poll(ctx.api)) {
    if (answer->ok()) {
      notice_ = std::string(ctx.t("admin.cameras.saved")) + " " + name_ + ".";
      ctx.nav.go({core::Screen::kCameraAdmin, ""});
      load(ctx);
    } else {
      form_error_ = api::error_of(*answer);
    }
  }
}

void AdminCameras::open_form(const std::string& param) {
  param_ = param;
  form_error_ = {};
  notice_.clear();
  code_ = name_ = place_ = lat_ = lng_ = source_url_ = loaded_source_url_ = "";
  commune_ = kind_ = -1;
  maintenance_ = false;
  published_ = true;
  for (const Row& row : rows_) {
    if (row.camera.code != param) continue;
    const CameraInfo& c = row.camera;
    name_ = c.name;
    place_ = c.place;
    lat_ = coordinate(c.lat);
    lng_ = coordinate(c.lng);
    source_url_ = loaded_source_url_ = row.source_url;
    maintenance_ = row.maintenance;
    published_ = row.published;
    for (std::size_t i = 0; i < core::communes().size(); ++i)
      if (core::communes()[i].code == c.commune) commune_ = static_cast<int>(i);
    for (std::size_t i = 0; i < kCameraKinds.size(); ++i)
      if (kCameraKinds[i] == c.kind) kind_ = static_cast<int>(i);
  }
}

void AdminCameras::save(AppContext& ctx) {
  form_error_ = {};
  notice_.clear();
  nlohmann::json body = {{"name", name_},
                         {"place", place_},
                         {"lat", coordinate_json(lat_)},
                         {"lng", coordinate_json(lng_)},
                         {"maintenance", maintenance_},
                         {"published", published_}};
  if (commune_ >= 0) body["commune"] = std::string(core::communes()[commune_].code);
  if (kind_ >= 0) body["kind"] = std::string(kCameraKinds[kind_]);
  // Only a changed address is sent: the registry may keep it in a form of its own.
  if (param_ == kNew || source_url_ != loaded_source_url_) body["source_url"] = source_url_;
  if (param_ == kNew) {
    body["code"] = code_;
    save_.start(ctx.api, "POST", kAdminPath, body.dump());
  } else {
    save_.start(ctx.api, "PATCH", std::string(kAdminPath) + "/" + param_, body.dump());
  }
}

void AdminCameras::draw_form(AppContext& ctx, float width) {
  ui::heading(ctx, "admin.cameras.form",
              ctx.t(param_ == kNew ? "admin.cameras.add" : "admin.cameras.edit"), 2);
  if (param_ == kNew)
    ui::text_field(ctx, "admin.cameras.code", ctx.t("admin.cameras.code"), code_,
                   {.placeholder = "cb-cam-04", .error = form_error_.field("code")});
  ui::text_field(ctx, "admin.cameras.name", ctx.t("admin.cameras.name"), name_,
                 {.error = form_error_.field("name")});
  std::vector<std::string> communes;
  for (const auto& c : core::communes()) communes.emplace_back(c.name);
  ui::combo(ctx, "admin.cameras.commune", ctx.t("admin.cameras.commune"), commune_, communes,
            ctx.t("admin.cameras.choose"), form_error_.field("commune"));
  ui::text_field(ctx, "admin.cameras.place", ctx.t("admin.cameras.place"), place_,
                 {.error = form_error_.field("place")});
  ui::text_field(ctx, "admin.cameras.lat", ctx.t("admin.cameras.lat"), lat_,
                 {.placeholder = "22.6657", .input = "decimal", .error = form_error_.field("lat")});
  ui::text_field(
      ctx, "admin.cameras.lng", ctx.t("admin.cameras.lng"), lng_,
      {.placeholder = "106.2577", .input = "decimal", .error = form_error_.field("lng")});
  std::vector<std::string> kinds;
  for (std::string_view k : kCameraKinds) kinds.emplace_back(camera_kind_label(ctx, k));
  ui::combo(ctx, "admin.cameras.kind", ctx.t("admin.cameras.kind"), kind_, kinds,
            ctx.t("admin.cameras.choose"), form_error_.field("kind"));
  ui::text_field(ctx, "admin.cameras.source_url", ctx.t("admin.cameras.source_url"), source_url_,
                 {.placeholder = "http://…/master.m3u8",
                  .input = "url",
                  .error = form_error_.field("source_url")});
  ui::paragraph(ctx, "admin.cameras.source_hint", ctx.t("admin.cameras.source_hint"),
                ui::Theme::kMutedText);
  ui::checkbox(ctx, "admin.cameras.maintenance", ctx.t("admin.cameras.maintenance"), maintenance_);
  ui::checkbox(ctx, "admin.cameras.published", ctx.t("admin.cameras.published"), published_);
  if (!form_error_.message.empty() && form_error_.fields.empty())
    ui::status_banner(ctx, "admin.cameras.form_error", form_error_.message.c_str());
  if (ui::button(ctx, "admin.cameras.save", ctx.t("admin.cameras.save"), ui::ButtonKind::kPrimary,
                 width) &&
      !save_.waiting())
    save(ctx);
  if (ui::button(ctx, "admin.cameras.cancel", ctx.t("admin.cameras.cancel"),
                 ui::ButtonKind::kSecondary, width))
    ctx.nav.go({core::Screen::kCameraAdmin, ""});
}

void AdminCameras::draw_list(AppContext& ctx, float width) {
  if (ui::button(ctx, "admin.cameras.add", ctx.t("admin.cameras.add"), ui::ButtonKind::kPrimary,
                 width))
    ctx.nav.go({core::Screen::kCameraAdmin, kNew});
  ImGui::Dummy(ImVec2(0, 6));
  if (!loaded_) {
    ui::paragraph(ctx, "admin.cameras.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (rows_.empty())
    ui::paragraph(ctx, "admin.cameras.none", ctx.t("admin.cameras.none"), ui::Theme::kMutedText);
  for (const Row& row : rows_) {
    const CameraInfo& c = row.camera;
    std::string label = c.name + " – " + camera_status_label(ctx, c.status);
    if (row.maintenance && c.status != "maintenance") label += std::string(" · ") + ctx.t("admin.cameras.in_maintenance");
    if (!row.published) label += std::string(" · ") + ctx.t("admin.cameras.hidden");
    if (ui::button(ctx, ("admin.cameras.open." + c.code).c_str(), label.c_str(),
                   ui::ButtonKind::kSecondary, width))
      ctx.nav.go({core::Screen::kCameraAdmin, c.code});
    std::string about = c.commune_name + " · " + c.place;
    ui::paragraph(ctx, ("admin.cameras.about." + c.code).c_str(), about.c_str(),
                  ui::Theme::kMutedText);
  }
}

void AdminCameras::draw(AppContext& ctx) {
  take_answers(ctx);
  const ui::Page page = ui::begin_page(ctx, ctx.t("admin.cameras.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !list_.waiting()) load(ctx);  // a deep link that came before /me
  const std::string& param = ctx.nav.current().param;
  if (!notice_.empty()) ui::status_banner(ctx, "admin.cameras.notice", notice_.c_str());
  if (!error_.message.empty())
    ui::status_banner(ctx, "admin.cameras.error", error_.message.c_str());
  if (param.empty()) {
    draw_list(ctx, page.column_width);
  } else if (loaded_) {
    if (param != param_) open_form(param);
    draw_form(ctx, page.column_width);
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
