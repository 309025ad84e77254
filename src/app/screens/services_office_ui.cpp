#include "app/screens/services_office_ui.h"

#include <imgui.h>

#include <ctime>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/dossier.h"
#include "core/message.h"
#include "core/time_text.h"
#include "core/working_hours.h"

namespace cdscb::app::screens::office_ui {

bool require_role(AppContext& ctx, bool admin_only) {
  const auto& user = ctx.session.user();
  if (!user) {
    if (ctx.connectivity.offline() || !ctx.session.checked()) {
      ui::paragraph(ctx, "services.office.login_needed", ctx.t("services.office.login_needed"),
                    ui::Theme::kMutedText);
      return false;
    }
    ctx.nav.replace({core::Screen::kLogin, ""});
    return false;
  }
  if (admin_only ? user->admin() : user->official()) return true;
  ui::status_banner(
      ctx, "services.office.forbidden",
      ctx.t(admin_only ? "services.office.admins_only" : "services.office.officials_only"));
  return false;
}

std::string status_label(AppContext& ctx, std::string_view status) {
  const auto* s = core::find_dossier_status(status);
  return s ? std::string(ctx.t(s->label_key)) : std::string(status);
}

int days_late(std::string_view due_at) {
  const auto due = core::parse_rfc3339(due_at);
  if (!due) return 0;
  const long long now = static_cast<long long>(std::time(nullptr));
  if (now <= *due) return 0;
  return static_cast<int>((now - *due + 86399) / 86400);
}

std::string late_text(AppContext& ctx, int days) {
  return core::fill_message(core::message("services.office.late_days", {std::to_string(days)}),
                            [&](std::string_view key) { return ctx.t(key); });
}

std::string time_text(const nlohmann::json& j, const char* key) {
  const std::string at = api::str(j, key);
  return at.empty() ? std::string() : feedback_ui::local_time(at);
}

std::optional<nlohmann::json> take_json(AppContext& ctx, api::Call& call, std::string& error,
                                        api::ApiError* full) {
  auto r = call.poll(ctx.api);
  if (!r) return std::nullopt;
  if (!r->ok()) {
    const api::ApiError e = api::error_of(*r);
    error = e.message;
    if (full) *full = e;
    return std::nullopt;
  }
  error.clear();
  if (full) *full = {};
  auto body = nlohmann::json::parse(r->body, nullptr, false);
  if (body.is_discarded()) body = nlohmann::json::object();
  return body;
}

std::string vietnam_today(int days_offset) {
  const long long now = static_cast<long long>(std::time(nullptr)) + core::kVietnamUtcOffset;
  return core::iso_date(now / 86400 + days_offset);
}

bool chips(AppContext& ctx, const char* id, const std::vector<std::string>& labels, int& index) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  const float pad = ImGui::GetStyle().FramePadding.x * 2;
  bool changed = false;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) {
      ImGui::SameLine();
      const float need = ImGui::CalcTextSize(labels[i].c_str()).x + pad;
      if (ImGui::GetCursorScreenPos().x + need > right) ImGui::NewLine();
    }
    const std::string chip_id = std::string(id) + "." + std::to_string(i);
    const bool selected = static_cast<int>(i) == index;
    if (ui::button(ctx, chip_id.c_str(), labels[i].c_str(), ui::ButtonKind::kSecondary, 0,
                   selected) &&
        !selected) {
      index = static_cast<int>(i);
      changed = true;
    }
  }
  return changed;
}

}  // namespace cdscb::app::screens::office_ui
