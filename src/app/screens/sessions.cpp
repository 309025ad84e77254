#include "app/screens/sessions.h"

#include <imgui.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/devices.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kSessionsPath = "/api/v1/me/sessions";

// "Chrome trên Android"; only what is known of the two; a plain word when nothing is.
std::string device_text(AppContext& ctx, const std::string& user_agent) {
  const core::Device device = core::describe_user_agent(user_agent);
  if (!device.browser.empty() && !device.system.empty())
    return device.browser + " " + ctx.t("account.sessions.on") + " " + device.system;
  if (!device.browser.empty()) return device.browser;
  if (!device.system.empty()) return device.system;
  return ctx.t("account.sessions.unknown_device");
}

std::string time_text(const std::string& rfc3339) {
  const auto seconds = core::parse_rfc3339(rfc3339);
  return seconds ? core::vietnam_time_text(*seconds) : std::string();
}

}  // namespace

void ActiveSessions::on_enter(AppContext& ctx) {
  loaded_ = false;
  ended_other_ = false;
  error_ = {};
  entries_.clear();
  if (ctx.session.user() && !list_.waiting()) list_.start(ctx.api, "GET", kSessionsPath);
}

void ActiveSessions::read_list(AppContext& ctx, const std::string& body) {
  entries_.clear();
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("sessions") || !json["sessions"].is_array()) return;
  for (const auto& s : json["sessions"]) {
    entries_.push_back({api::str(s, "id"), device_text(ctx, api::str(s, "user_agent")),
                        api::str(s, "ip"), time_text(api::str(s, "last_seen_at")),
                        time_text(api::str(s, "created_at")), api::boolean(s, "current")});
  }
  // This device first, then the others as the server orders them (latest active first).
  std::stable_partition(entries_.begin(), entries_.end(), [](const Entry& e) { return e.current; });
}

void ActiveSessions::take_answers(AppContext& ctx) {
  if (auto answer = list_.poll(ctx.api)) {
    loaded_ = true;
    if (answer->ok()) {
      read_list(ctx, answer->body);
    } else {
      error_ = api::error_of(*answer);
    }
  }
  if (auto answer = end_.poll(ctx.api)) {
    if (answer->ok() && ending_current_) {
      ctx.session.signed_out();
      ctx.nav.replace({core::Screen::kHome, ""});
      return;
    }
    if (answer->ok()) {
      ended_other_ = true;
    } else {
      error_ = api::error_of(*answer);
    }
    list_.start(ctx.api, "GET", kSessionsPath);  // what is left (a 404: someone else ended it)
  }
  take_sign_out(ctx, end_all_, error_);
}

void ActiveSessions::draw_entry(AppContext& ctx, const Entry& entry, size_t index, float width) {
  const std::string n = std::to_string(index);
  const std::string device_id = "account.sessions.device." + n;
  ui::heading(ctx, device_id.c_str(), entry.device.c_str(), 3);
  if (entry.current) {
    const std::string id = "account.sessions.this." + n;
    ui::paragraph(ctx, id.c_str(), ctx.t("account.sessions.this_device"), ui::Theme::kBrand);
  }
  const std::pair<const char*, const std::string*> lines[] = {
      {"account.sessions.address", &entry.address},
      {"account.sessions.last_seen", &entry.last_seen},
      {"account.sessions.created", &entry.created}};
  for (const auto& [key, value] : lines) {
    if (value->empty()) continue;
    const std::string id = std::string(key) + "." + n;
    const std::string text = std::string(ctx.t(key)) + ": " + *value;
    ui::paragraph(ctx, id.c_str(), text.c_str(), ui::Theme::kMutedText);
  }
  const std::string end_id = "account.sessions.end." + n;
  const char* label = ctx.t(entry.current ? "account.sessions.end_this" : "account.sessions.end");
  if (ui::button(ctx, end_id.c_str(), label, ui::ButtonKind::kSecondary, width) &&
      !end_.waiting()) {
    error_ = {};
    ended_other_ = false;
    ending_current_ = entry.current;
    end_.start(ctx.api, "DELETE", std::string(kSessionsPath) + "/" + entry.id);
  }
  ImGui::Dummy(ImVec2(0, 12));
}

void ActiveSessions::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("account.sessions.title"), /*is_home=*/false);
  if (draw_signed_out_page(ctx, page)) return;
  // The user may arrive after the screen (a deep link while /me was still on its way).
  if (!loaded_ && !list_.waiting()) list_.start(ctx.api, "GET", kSessionsPath);
  ui::paragraph(ctx, "account.sessions.intro", ctx.t("account.sessions.intro"),
                ui::Theme::kMutedText);
  if (ended_other_)
    ui::status_banner(ctx, "account.sessions.ended", ctx.t("account.sessions.ended"));
  if (!error_.message.empty())
    ui::status_banner(ctx, "account.sessions.error", error_.message.c_str());
  if (!loaded_) {
    ui::paragraph(ctx, "account.sessions.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  }
  for (size_t i = 0; i < entries_.size(); ++i) draw_entry(ctx, entries_[i], i, page.column_width);
  if (ui::button(ctx, "account.sessions.end_all", ctx.t("account.logout_all"),
                 ui::ButtonKind::kPrimary, page.column_width) &&
      !end_all_.waiting())
    end_all_.start(ctx.api, "DELETE", "/api/v1/sessions");
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
