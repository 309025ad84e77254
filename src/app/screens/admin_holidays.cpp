#include "app/screens/admin_holidays.h"

#include <imgui.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kHolidaysPath = "/api/v1/admin/holidays";

}  // namespace

void AdminHolidays::on_enter(AppContext& ctx) {
  holidays_.clear();
  loaded_ = false;
  date_.clear();
  name_.clear();
  working_day_ = false;
  confirm_.clear();
  error_ = {};
  add_error_ = {};
  notice_.clear();
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx);
}

void AdminHolidays::load(AppContext& ctx) {
  if (!list_.waiting()) list_.start(ctx.api, "GET", kHolidaysPath);
}

void AdminHolidays::take_answers(AppContext& ctx) {
  if (auto items = take_list(ctx, list_, "holidays", loaded_, error_)) {
    holidays_.clear();
    for (const auto& h : *items)
      holidays_.push_back(
          {api::str(h, "date"), api::str(h, "name"), api::boolean(h, "working_day")});
  }
  if (auto answer = add_.poll(ctx.api)) {
    if (!answer->ok()) {
      add_error_ = api::error_of(*answer);
    } else {
      notice_ = std::string(ctx.t("admin.holidays.added")) + " " + core::vietnam_day_text(date_) +
                " (" + name_ + ").";
      date_.clear();
      name_.clear();
      working_day_ = false;
      load(ctx);
    }
  }
  if (auto answer = remove_.poll(ctx.api)) {
    if (!answer->ok()) {
      error_ = api::error_of(*answer);
    } else {
      notice_ = std::string(ctx.t("admin.holidays.deleted")) + " " +
                core::vietnam_day_text(confirm_) + ".";
      load(ctx);
    }
    confirm_.clear();
  }
}

void AdminHolidays::draw_form(AppContext& ctx, float width) {
  ui::text_field(ctx, "admin.holidays.date", ctx.t("admin.holidays.date"), date_,
                 {.placeholder = "YYYY-MM-DD", .input = "day", .error = add_error_.field("date")});
  ui::text_field(ctx, "admin.holidays.name", ctx.t("admin.holidays.name"), name_,
                 {.placeholder = "Tết Dương lịch", .error = add_error_.field("name")});
  ui::checkbox(ctx, "admin.holidays.working_day", ctx.t("admin.holidays.working_day"),
               working_day_);
  if (!add_error_.message.empty() && add_error_.fields.empty())
    ui::status_banner(ctx, "admin.holidays.add_error", add_error_.message.c_str());
  if (ui::button(ctx, "admin.holidays.add", ctx.t("admin.holidays.add"), ui::ButtonKind::kPrimary,
                 width) &&
      !add_.waiting()) {
    add_error_ = {};
    notice_.clear();
    const nlohmann::json body = {{"date", date_}, {"name", name_}, {"working_day", working_day_}};
    add_.start(ctx.api, "POST", kHolidaysPath, body.dump());
  }
}

void AdminHolidays::draw_list(AppContext& ctx, float width) {
  ui::heading(ctx, "admin.holidays.list", ctx.t("admin.holidays.list"), 2);
  if (!loaded_) {
    ui::paragraph(ctx, "admin.holidays.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (holidays_.empty())
    ui::paragraph(ctx, "admin.holidays.none", ctx.t("admin.holidays.none"), ui::Theme::kMutedText);
  char text[512];
  for (const Holiday& holiday : holidays_) {
    const std::string id = "admin.holidays." + holiday.date;
    const std::string day = core::vietnam_day_text(holiday.date);
    std::string line = day + " · " + holiday.name;
    if (holiday.working_day)
      line += std::string(" (") + ctx.t("admin.holidays.working_label") + ")";
    ui::paragraph(ctx, id.c_str(), line.c_str());
    if (confirm_ != holiday.date) {
      std::snprintf(text, sizeof text, ctx.t("admin.holidays.delete"), day.c_str());
      if (ui::button(ctx, (id + ".delete").c_str(), text, ui::ButtonKind::kSecondary, width)) {
        confirm_ = holiday.date;
        notice_.clear();
      }
      continue;
    }
    std::snprintf(text, sizeof text, ctx.t("admin.holidays.confirm"), day.c_str(),
                  holiday.name.c_str());
    const Confirm answer =
        draw_confirm(ctx, id, text, ctx.t("admin.holidays.confirm_yes"), width, remove_.waiting());
    if (answer == Confirm::kYes)
      remove_.start(ctx.api, "DELETE", std::string(kHolidaysPath) + "/" + holiday.date);
    if (answer == Confirm::kNo) confirm_.clear();
  }
}

void AdminHolidays::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.holidays.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !list_.waiting()) load(ctx);  // a deep link that came before /me
  ui::paragraph(ctx, "admin.holidays.intro", ctx.t("admin.holidays.intro"), ui::Theme::kMutedText);
  if (!notice_.empty()) ui::status_banner(ctx, "admin.holidays.notice", notice_.c_str());
  draw_form(ctx, page.column_width);
  ImGui::Dummy(ImVec2(0, 8));
  if (!error_.message.empty())
    ui::status_banner(ctx, "admin.holidays.error", error_.message.c_str());
  draw_list(ctx, page.column_width);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
