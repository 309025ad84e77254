#include "app/screens/feedback_public.h"

#include <imgui.h>

#include <array>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/widgets.h"
#include "core/communes.h"
#include "core/feedback_json.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

namespace json_read = core::json_read;

// Statuses a published item can have; "" (index 0) is every status.
constexpr std::array<const char*, 6> kStatuses{"",         "received", "in_progress", "transferred",
                                               "resolved", "rejected"};

}  // namespace

void FeedbackPublic::enter(AppContext& ctx) {
  if (field_codes_.empty() && !fields_call_.waiting())
    fields_call_.start(ctx.api, "GET", "/api/v1/feedback/fields");
  load(ctx, false);
}

std::string FeedbackPublic::filter_query() const {
  std::string query;
  if (field_ > 0 && field_ < static_cast<int>(field_codes_.size()))
    query += "&field=" + state::url_encode(field_codes_[field_]);
  if (status_ > 0) query += "&status=" + std::string(kStatuses[status_]);
  if (commune_ > 0) query += "&commune=" + std::string(core::communes()[commune_ - 1].code);
  return query;
}

void FeedbackPublic::load(AppContext& ctx, bool more) {
  std::string path = "/api/v1/public/feedback?limit=20" + filter_query();
  if (!query_.empty()) path += "&q=" + state::url_encode(query_);
  if (more) path += "&cursor=" + state::url_encode(next_cursor_);
  appending_ = more;
  list_.start(ctx.api, "GET", path);
}

void FeedbackPublic::draw_filters(AppContext& ctx, float width) {
  if (auto r = fields_call_.poll(ctx.api); r && r->ok()) {
    const auto j = nlohmann::json::parse(r->body, nullptr, false);
    field_codes_ = {""};
    field_names_ = {ctx.t("feedback.all")};
    for (const auto& f : feedback_ui::member(j, "fields")) {
      field_codes_.push_back(api::str(f, "code"));
      field_names_.push_back(api::str(f, "name"));
    }
  }
  if (status_names_.empty())
    for (const char* s : kStatuses)
      status_names_.emplace_back(
          ctx.t(*s ? ("feedback.status_" + std::string(s)).c_str() : "feedback.all"));
  if (commune_names_.empty()) {
    commune_names_.emplace_back(ctx.t("feedback.all"));
    for (const auto& c : core::communes()) commune_names_.emplace_back(c.name);
  }
  bool changed = false;
  if (!field_names_.empty())
    changed |=
        ui::combo(ctx, "feedback.public_field", ctx.t("feedback.field"), field_, field_names_);
  changed |=
      ui::combo(ctx, "feedback.public_status", ctx.t("feedback.status"), status_, status_names_);
  changed |= ui::combo(ctx, "feedback.public_commune", ctx.t("feedback.commune"), commune_,
                       commune_names_);
  if (map_mode_) {  // the map has no word search: it shows places, the list finds words
    if (changed) map_.set_filters(ctx, filter_query());
    return;
  }
  ui::text_field(ctx, "feedback.public_q", ctx.t("feedback.search"), query_,
                 {.placeholder = ctx.t("feedback.search_hint")});
  changed |= ui::button(ctx, "feedback.public_search", ctx.t("feedback.search_button"),
                        ui::ButtonKind::kSecondary, width);
  if (changed) load(ctx, false);
}

// "Danh sách" | "Bản đồ": two halves of one row, the shown one marked (aria-pressed).
void FeedbackPublic::draw_mode_switch(AppContext& ctx, float width) {
  const float half = (width - 8) / 2;
  if (ui::button(ctx, "feedback.public_as_list", ctx.t("feedback.view_list"),
                 ui::ButtonKind::kSecondary, half, !map_mode_) &&
      map_mode_) {
    map_mode_ = false;
    load(ctx, false);  // the filters may have changed on the map
  }
  ImGui::SameLine(0, 8);
  if (ui::button(ctx, "feedback.public_as_map", ctx.t("feedback.view_map"),
                 ui::ButtonKind::kSecondary, half, map_mode_) &&
      !map_mode_) {
    map_mode_ = true;
    map_.set_filters(ctx, filter_query());
  }
}

void FeedbackPublic::draw(AppContext& ctx, float width) {
  draw_mode_switch(ctx, width);
  if (map_mode_) {
    draw_filters(ctx, width);
    map_.draw(ctx, width);
    list_.poll(ctx.api);  // a list answer that arrives now is not shown
    return;
  }
  draw_list(ctx, width);
}

void FeedbackPublic::draw_list(AppContext& ctx, float width) {
  if (auto r = list_.poll(ctx.api)) {
    if (r->ok()) {
      const auto body = nlohmann::json::parse(r->body, nullptr, false);
      if (!appending_) items_.clear();
      for (auto& item : core::feedback_records_from_json(json_read::member(body, "items")))
        items_.push_back(std::move(item));
      next_cursor_ = api::str(body, "next_cursor");
      error_.clear();
      loaded_ = true;
    } else {
      error_ = api::error_of(*r).message;
    }
  }
  draw_filters(ctx, width);
  if (!error_.empty() && !ctx.connectivity.offline())
    ui::status_banner(ctx, "feedback.public_error", error_.c_str());
  if (loaded_ && items_.empty())
    ui::paragraph(ctx, "feedback.public_empty", ctx.t("feedback.public_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "feedback.public." + std::to_string(i++);
    std::string line = item.status_label + " · " + item.field.name;
    if (item.commune && !item.commune->name.empty()) line += " · " + item.commune->name;
    line += " · " + feedback_ui::local_time(item.created_at);
    if (!item.photos.empty()) {
      const auto& photo = item.photos.front();
      feedback_ui::thumbnail(ctx, photo.thumb_url.empty() ? photo.url : photo.thumb_url, 72);
      ImGui::SameLine(0, 8);
    }
    if (feedback_ui::card(ctx, id.c_str(), item.title, line))
      ctx.nav.go(core::feedback_route(core::FeedbackPage::kDetail, item.id));
  }
  if (!next_cursor_.empty() && !list_.waiting() &&
      ui::button(ctx, "feedback.public_more", ctx.t("feedback.more"), ui::ButtonKind::kSecondary,
                 width))
    load(ctx, true);
}

}  // namespace cdscb::app::screens
