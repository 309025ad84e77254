#include "app/screens/directory_edit.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

std::string coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.7g", value);
  return buffer;
}

}  // namespace

void DirectoryEditForm::open(const core::DirectoryRecord& r) {
  open_ = true;
  code_ = r.code;
  kind_ = 0;
  for (std::size_t i = 0; i < std::size(core::kDirectoryKinds); ++i)
    if (core::kDirectoryKinds[i] == r.kind) kind_ = static_cast<int>(i);
  name_ = r.name;
  address_ = r.address;
  phones_.clear();
  for (const auto& phone : r.phones) phones_ += (phones_.empty() ? "" : "; ") + phone;
  email_ = r.email;
  website_ = r.website;
  hours_ = r.hours;
  lat_ = r.location ? coordinate(r.location->lat) : "";
  lng_ = r.location ? coordinate(r.location->lng) : "";
  note_ = r.note;
  error_ = {};
}

void DirectoryEditForm::save(AppContext& ctx) {
  nlohmann::json phones = nlohmann::json::array();
  std::string phone;
  for (char c : phones_ + ";") {
    if (c == ';' || c == ',') {
      if (phone.find_first_not_of(' ') != std::string::npos) phones.push_back(phone);
      phone.clear();
    } else {
      phone += c;
    }
  }
  nlohmann::json location = nullptr;
  if (!lat_.empty() || !lng_.empty()) {
    const auto lat = core::parse_coordinate(lat_), lng = core::parse_coordinate(lng_);
    // An unreadable number goes as the text typed, which the server names as the field's error.
    location = {{"lat", lat ? nlohmann::json(*lat) : nlohmann::json(lat_)},
                {"lng", lng ? nlohmann::json(*lng) : nlohmann::json(lng_)}};
  }
  const nlohmann::json body = {{"kind", std::string(core::kDirectoryKinds[kind_])},
                               {"name", name_},
                               {"address", address_},
                               {"phones", phones},
                               {"email", email_},
                               {"website", website_},
                               {"hours", hours_},
                               {"location", location},
                               {"note", note_}};
  error_ = {};
  call_.start(ctx.api, "PUT", "/api/v1/admin/directory/" + code_, body.dump());
}

void DirectoryEditForm::draw(AppContext& ctx, state::DirectoryBook& book, float width) {
  if (auto answer = call_.poll(ctx.api)) {
    const auto json = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    std::optional<core::DirectoryRecord> saved;
    if (answer->ok() && json.is_object() && json.contains("item"))
      saved = state::record_from_json(json["item"]);
    if (saved) {
      book.put(*saved);
      open_ = false;
      return;
    }
    error_ = api::error_of(*answer);
  }
  ui::heading(ctx, "directory.edit_title", ctx.t("directory.edit"), 2);
  const std::vector<std::string> kinds{
      ctx.t("directory.kind_department"), ctx.t("directory.kind_police"),
      ctx.t("directory.kind_commune"), ctx.t("directory.kind_ward"),
      ctx.t("directory.kind_emergency")};
  ui::text_field(ctx, "directory.f_name", ctx.t("directory.field_name"), name_,
                 {.error = error_.field("name")});
  ui::combo(ctx, "directory.f_kind", ctx.t("directory.kind"), kind_, kinds);
  ui::text_field(ctx, "directory.f_address", ctx.t("directory.address"), address_,
                 {.error = error_.field("address")});
  ui::text_field(ctx, "directory.f_phones", ctx.t("directory.field_phones"), phones_,
                 {.placeholder = "0206 3xxx xxx; 09xx xxx xxx",
                  .input = "tel",
                  .error = error_.field("phones")});
  ui::text_field(ctx, "directory.f_email", ctx.t("directory.email"), email_,
                 {.input = "email", .error = error_.field("email")});
  ui::text_field(ctx, "directory.f_website", ctx.t("directory.website"), website_,
                 {.placeholder = "https://", .error = error_.field("website")});
  ui::text_field(ctx, "directory.f_hours", ctx.t("directory.hours"), hours_,
                 {.error = error_.field("hours")});
  ui::text_field(ctx, "directory.f_lat", ctx.t("directory.field_lat"), lat_,
                 {.error = error_.field("location")});
  ui::text_field(ctx, "directory.f_lng", ctx.t("directory.field_lng"), lng_);
  ui::text_field(ctx, "directory.f_note", ctx.t("directory.note"), note_,
                 {.error = error_.field("note")});
  if (!error_.message.empty())
    ui::status_banner(ctx, "directory.edit_error", error_.message.c_str());
  if (ui::button(ctx, "directory.save", ctx.t("directory.save"), ui::ButtonKind::kPrimary, width) &&
      !call_.waiting())
    save(ctx);
  if (ui::button(ctx, "directory.cancel", ctx.t("directory.cancel"), ui::ButtonKind::kSecondary,
                 width))
    open_ = false;
}

}  // namespace cdscb::app::screens
