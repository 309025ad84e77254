#include "app/screens/officials.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr int kPageSize = 20;

}  // namespace

void Officials::on_enter(AppContext& ctx) {
  error_ = {};
  agencies_.refresh(ctx.api, ctx.replies);
  for (RoleList* list : {&admins_, &officers_}) {
    list->people.clear();
    list->next_cursor.clear();
    list->loaded = false;
    if (ctx.session.user() && ctx.session.user()->admin()) load(ctx, *list);
  }
}

void Officials::load(AppContext& ctx, RoleList& list) {
  if (list.call.waiting()) return;
  std::string path = "/api/v1/admin/users?role=" + std::string(core::role_name(list.role)) +
                     "&limit=" + std::to_string(kPageSize);
  if (!list.next_cursor.empty()) path += "&cursor=" + list.next_cursor;  // "u<id>": URL-safe
  list.call.start(ctx.api, "GET", path);
}

void Officials::take_answer(AppContext& ctx, RoleList& list) {
  auto answer = list.call.poll(ctx.api);
  if (!answer) return;
  list.loaded = true;
  if (!answer->ok()) {
    error_ = api::error_of(*answer);
    return;
  }
  auto json = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  list.next_cursor = api::str(json, "next_cursor");
  if (!json.is_object() || !json.contains("users") || !json["users"].is_array()) return;
  for (const auto& u : json["users"]) {
    list.people.push_back(
        {api::str(u, "full_name"), api::str(u, "phone_masked"), api::str(u, "agency")});
  }
}

void Officials::draw_list(AppContext& ctx, RoleList& list, float width) {
  const std::string role(core::role_name(list.role));
  const std::string title_key = "admin.officials." + role + "_list";
  ui::heading(ctx, ("admin.officials." + role).c_str(), ctx.t(title_key), 2);
  if (!list.loaded) {
    ui::paragraph(ctx, ("admin.officials.loading." + role).c_str(), ctx.t("common.loading"),
                  ui::Theme::kMutedText);
    return;
  }
  if (list.people.empty())
    ui::paragraph(ctx, ("admin.officials.none." + role).c_str(), ctx.t("admin.officials.none"),
                  ui::Theme::kMutedText);
  for (size_t i = 0; i < list.people.size(); ++i) {
    const Person& person = list.people[i];
    const std::string id = "admin.officials." + role + "." + std::to_string(i);
    ui::paragraph(ctx, id.c_str(), person.name.c_str());
    std::string details = person.phone_masked;
    if (!person.agency.empty()) details = agencies_.name_of(person.agency) + " · " + details;
    ui::paragraph(ctx, (id + ".details").c_str(), details.c_str(), ui::Theme::kMutedText);
  }
  if (!list.next_cursor.empty() &&
      ui::button(ctx, ("admin.officials.more." + role).c_str(), ctx.t("admin.officials.more"),
                 ui::ButtonKind::kSecondary, width))
    load(ctx, list);
}

void Officials::draw(AppContext& ctx) {
  take_answer(ctx, admins_);
  take_answer(ctx, officers_);
  agencies_.take(ctx.api, ctx.replies);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.officials.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx)) return;
  // The user may arrive after the screen (a deep link while /me was on its way).
  if (!admins_.loaded && !admins_.call.waiting() && admins_.people.empty()) load(ctx, admins_);
  if (!officers_.loaded && !officers_.call.waiting() && officers_.people.empty())
    load(ctx, officers_);
  if (ui::button(ctx, "admin.officials.new", ctx.t("admin.new.title"), ui::ButtonKind::kPrimary,
                 page.column_width))
    ctx.nav.go({core::Screen::kOfficialNew, ""});
  if (!error_.message.empty())
    ui::status_banner(ctx, "admin.officials.error", error_.message.c_str());
  ImGui::Dummy(ImVec2(0, 8));
  draw_list(ctx, admins_, page.column_width);
  ImGui::Dummy(ImVec2(0, 8));
  draw_list(ctx, officers_, page.column_width);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
