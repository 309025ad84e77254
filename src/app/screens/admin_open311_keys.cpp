#include "app/screens/admin_open311_keys.h"

#include <imgui.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/share.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kKeysPath = "/api/v1/admin/open311-keys";

std::string time_text(const std::string& rfc3339) {
  const auto seconds = core::parse_rfc3339(rfc3339);
  return seconds ? core::vietnam_date_time_text(*seconds) : rfc3339;
}

}  // namespace

void AdminOpen311Keys::on_enter(AppContext& ctx) {
  keys_.clear();
  loaded_ = false;
  name_.clear();
  // Leaving the screen forgets the key: it is shown once.
  new_key_.clear();
  new_key_name_.clear();
  share_.clear();
  share_notice_.clear();
  confirm_ = 0;
  error_ = {};
  issue_error_ = {};
  notice_.clear();
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx);
}

void AdminOpen311Keys::load(AppContext& ctx) {
  if (!list_.waiting()) list_.start(ctx.api, "GET", kKeysPath);
}

void AdminOpen311Keys::take_answers(AppContext& ctx) {
  if (auto items = take_list(ctx, list_, "keys", loaded_, error_)) {
    keys_.clear();
    for (const auto& k : *items) {
      const std::string revoked = api::str(k, "revoked_at");
      const std::string by =
          k.contains("created_by") ? api::str(k["created_by"], "name") : std::string();
      keys_.push_back({api::integer(k, "id"), api::str(k, "name"),
                       time_text(api::str(k, "created_at")),
                       revoked.empty() ? std::string() : time_text(revoked), by});
    }
  }
  if (auto answer = issue_.poll(ctx.api)) {
    if (!answer->ok()) {
      issue_error_ = api::error_of(*answer);
    } else {
      auto json = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
      new_key_ = api::str(json, "api_key");
      new_key_name_ = api::str(json, "name");
      name_.clear();
      load(ctx);
    }
  }
  if (auto answer = revoke_.poll(ctx.api)) {
    if (!answer->ok()) {
      error_ = api::error_of(*answer);
    } else {
      for (const Key& key : keys_)
        if (key.id == confirm_)
          notice_ = std::string(ctx.t("admin.keys.revoked_notice")) + " \"" + key.name + "\".";
      load(ctx);
    }
    confirm_ = 0;
  }
  if (!share_.empty()) {
    if (auto reply = ctx.replies.take(share_)) {
      share_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
      const std::string result = api::str(j, "result");
      share_notice_ = result == "copied"   ? ctx.t("admin.keys.copied")
                      : result == "shared" ? ctx.t("admin.keys.shared")
                      : result == "failed" ? ctx.t("admin.keys.copy_failed")
                                           : "";
    }
  }
}

void AdminOpen311Keys::draw_new_key(AppContext& ctx, float width) {
  char text[512];
  std::snprintf(text, sizeof text, ctx.t("admin.keys.new_key"), new_key_name_.c_str());
  ui::heading(ctx, "admin.keys.new_key", text, 2);
  ui::status_banner(ctx, "admin.keys.once", ctx.t("admin.keys.once"));
  ui::paragraph(ctx, "admin.keys.value", new_key_.c_str());
  if (!share_notice_.empty())
    ui::status_banner(ctx, "admin.keys.share_notice", share_notice_.c_str());
  if (ui::button(ctx, "admin.keys.copy", ctx.t("admin.keys.copy"), ui::ButtonKind::kPrimary,
                 width) &&
      share_.empty()) {
    share_notice_.clear();
    share_ = ctx.replies.expect(platform::share::share_text(text, new_key_));
  }
  if (ui::button(ctx, "admin.keys.done", ctx.t("admin.keys.done"), ui::ButtonKind::kSecondary,
                 width)) {
    new_key_.clear();
    new_key_name_.clear();
    share_notice_.clear();
  }
}

void AdminOpen311Keys::draw_list(AppContext& ctx, float width) {
  ui::heading(ctx, "admin.keys.list", ctx.t("admin.keys.list"), 2);
  if (!loaded_) {
    ui::paragraph(ctx, "admin.keys.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (keys_.empty())
    ui::paragraph(ctx, "admin.keys.none", ctx.t("admin.keys.none"), ui::Theme::kMutedText);
  char text[512];
  for (const Key& key : keys_) {
    const std::string id = "admin.keys." + std::to_string(key.id);
    ui::heading(ctx, id.c_str(), key.name.c_str(), 3);
    std::snprintf(text, sizeof text, ctx.t("admin.keys.created"), key.created_at.c_str(),
                  key.created_by.c_str());
    ui::paragraph(ctx, (id + ".created").c_str(), text, ui::Theme::kMutedText);
    if (!key.revoked_at.empty()) {
      std::snprintf(text, sizeof text, ctx.t("admin.keys.revoked"), key.revoked_at.c_str());
      ui::paragraph(ctx, (id + ".state").c_str(), text, ui::Theme::kError);
      continue;
    }
    ui::paragraph(ctx, (id + ".state").c_str(), ctx.t("admin.keys.active"));
    if (confirm_ != key.id) {
      std::snprintf(text, sizeof text, ctx.t("admin.keys.revoke"), key.name.c_str());
      if (ui::button(ctx, (id + ".revoke").c_str(), text, ui::ButtonKind::kSecondary, width)) {
        confirm_ = key.id;
        notice_.clear();
      }
      continue;
    }
    std::snprintf(text, sizeof text, ctx.t("admin.keys.confirm"), key.name.c_str());
    const Confirm answer =
        draw_confirm(ctx, id, text, ctx.t("admin.keys.confirm_yes"), width, revoke_.waiting());
    if (answer == Confirm::kYes)
      revoke_.start(ctx.api, "DELETE", std::string(kKeysPath) + "/" + std::to_string(key.id));
    if (answer == Confirm::kNo) confirm_ = 0;
  }
}

void AdminOpen311Keys::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.keys.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !list_.waiting()) load(ctx);  // a deep link that came before /me
  if (!new_key_.empty()) {
    draw_new_key(ctx, page.column_width);
    ImGui::Dummy(ImVec2(0, 8));
  } else {
    ui::paragraph(ctx, "admin.keys.intro", ctx.t("admin.keys.intro"), ui::Theme::kMutedText);
    ui::text_field(ctx, "admin.keys.name", ctx.t("admin.keys.name"), name_,
                   {.error = issue_error_.field("name")});
    if (!issue_error_.message.empty() && issue_error_.fields.empty())
      ui::status_banner(ctx, "admin.keys.issue_error", issue_error_.message.c_str());
    if (ui::button(ctx, "admin.keys.issue", ctx.t("admin.keys.issue"), ui::ButtonKind::kPrimary,
                   page.column_width) &&
        !issue_.waiting()) {
      issue_error_ = {};
      notice_.clear();
      const nlohmann::json body = {{"name", name_}};
      issue_.start(ctx.api, "POST", kKeysPath, body.dump());
    }
    ImGui::Dummy(ImVec2(0, 8));
  }
  if (!notice_.empty()) ui::status_banner(ctx, "admin.keys.notice", notice_.c_str());
  if (!error_.message.empty()) ui::status_banner(ctx, "admin.keys.error", error_.message.c_str());
  draw_list(ctx, page.column_width);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
