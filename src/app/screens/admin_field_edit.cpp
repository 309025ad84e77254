#include "app/screens/admin_field_edit.h"

#include <imgui.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kFieldsPath = "/api/v1/admin/feedback-fields";

// The number of days as JSON: an integer when the text is one, else the text itself so that the
// server's message about it shows by the field.
nlohmann::json days_value(const std::string& text) {
  int days = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec == std::errc() && end == text.data() + text.size()) return days;
  return text;
}

}  // namespace

void AdminFieldEdit::clear_form() {
  code_.clear();
  name_.clear();
  days_.clear();
  agency_.clear();
  publish_ = false;
}

void AdminFieldEdit::on_enter(AppContext& ctx) {
  editing_ = ctx.nav.current().param;
  found_ = false;
  clear_form();
  error_ = {};
  notice_.clear();
  agencies_.refresh(ctx.api, ctx.replies);
  // There is no single-field read: the list is short and the admin just came from it.
  const bool admin = ctx.session.user() && ctx.session.user()->admin();
  if (admin && !editing_.empty() && !load_.waiting()) load_.start(ctx.api, "GET", kFieldsPath);
}

void AdminFieldEdit::fill_from(const nlohmann::json& field) {
  name_ = api::str(field, "name");
  days_ = std::to_string(api::integer(field, "answer_days"));
  publish_ = api::boolean(field, "publish_by_default");
  agency_ = field.contains("agency") ? api::str(field["agency"], "code") : std::string();
}

void AdminFieldEdit::take_answers(AppContext& ctx) {
  agencies_.take(ctx.api, ctx.replies);
  bool loaded = false;
  if (auto items = take_list(ctx, load_, "fields", loaded, error_)) {
    for (const auto& f : *items)
      if (api::str(f, "code") == editing_) {
        fill_from(f);
        found_ = true;
      }
    if (!found_) error_.message = ctx.t("admin.field.unknown");
  }
  if (auto answer = save_.poll(ctx.api)) {
    if (!answer->ok()) {
      error_ = api::error_of(*answer);
      return;
    }
    auto json = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    const nlohmann::json field =
        json.is_object() && json.contains("field") ? json["field"] : nlohmann::json();
    const std::string name = api::str(field, "name");
    if (editing_.empty()) {
      clear_form();  // an empty form for the next one
      notice_ = std::string(ctx.t("admin.field.created")) + " " + name + ".";
    } else {
      fill_from(field);
      notice_ = std::string(ctx.t("admin.field.saved")) + " " + name + ".";
    }
  }
}

void AdminFieldEdit::submit(AppContext& ctx) {
  error_ = {};
  notice_.clear();
  nlohmann::json body = {
      {"name", name_}, {"answer_days", days_value(days_)}, {"publish_by_default", publish_}};
  if (!agency_.empty()) body["agency"] = agency_;
  if (editing_.empty()) {
    body["code"] = code_;
    save_.start(ctx.api, "POST", kFieldsPath, body.dump());
  } else {
    save_.start(ctx.api, "PATCH", std::string(kFieldsPath) + "/" + editing_, body.dump());
  }
}

void AdminFieldEdit::draw_form(AppContext& ctx, float width) {
  if (editing_.empty()) {
    ui::text_field(ctx, "admin.field.code", ctx.t("admin.field.code"), code_,
                   {.placeholder = ctx.t("admin.field.code_hint"), .error = error_.field("code")});
    if (error_.field("code").empty())  // the server's message says the same when it is wrong
      ui::paragraph(ctx, "admin.field.code_note", ctx.t("admin.field.code_note"),
                    ui::Theme::kMutedText);
  } else {
    const std::string code = std::string(ctx.t("admin.field.code")) + ": " + editing_;
    ui::paragraph(ctx, "admin.field.code", code.c_str(), ui::Theme::kMutedText);
  }
  ui::text_field(ctx, "admin.field.name", ctx.t("admin.field.name"), name_,
                 {.error = error_.field("name")});
  int agency = agencies_.index_of(agency_);
  ui::combo(ctx, "admin.field.agency", ctx.t("admin.field.agency"), agency, agencies_.names(),
            ctx.t("profile.choose"), error_.field("agency"));
  agency_ = agencies_.code_at(agency);
  ui::text_field(ctx, "admin.field.days", ctx.t("admin.field.days"), days_,
                 {.placeholder = "15", .input = "number", .error = error_.field("answer_days")});
  ui::checkbox(ctx, "admin.field.publish", ctx.t("admin.field.publish"), publish_);
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "admin.field.error", error_.message.c_str());
  ImGui::Dummy(ImVec2(0, 4));
  const char* submit_key = editing_.empty() ? "admin.field.create" : "admin.field.save";
  if (ui::button(ctx, "admin.field.submit", ctx.t(submit_key), ui::ButtonKind::kPrimary, width) &&
      !save_.waiting())
    submit(ctx);
}

void AdminFieldEdit::draw(AppContext& ctx) {
  take_answers(ctx);
  const char* title = ctx.t(editing_.empty() ? "admin.field.new_title" : "admin.field.edit_title");
  ui::Page page = ui::begin_page(ctx, title, /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  // A deep link may arrive before /me; the list is read once the admin is known.
  if (!editing_.empty() && !found_ && !load_.waiting() && error_.message.empty())
    load_.start(ctx.api, "GET", kFieldsPath);
  if (!notice_.empty()) ui::status_banner(ctx, "admin.field.notice", notice_.c_str());
  if (!editing_.empty() && !found_) {
    if (!error_.message.empty())
      ui::status_banner(ctx, "admin.field.error", error_.message.c_str());
    else
      ui::paragraph(ctx, "admin.field.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    ui::end_page(ctx);
    return;
  }
  draw_form(ctx, page.column_width);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
