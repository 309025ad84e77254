#pragma once
// Pieces the officials' pages of "Dịch vụ công" share: who may see them, a status's label from
// core's table, the due date and how late a dossier is, and reading a JSON answer.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens::office_ui {

// True when the signed-in user is an official (an admin when `admin_only`). Otherwise a
// signed-out visitor goes to "Đăng nhập" and a citizen reads that the page is for officials.
bool require_role(AppContext& ctx, bool admin_only);
// "Mới đăng ký" for "registered" (core::find_dossier_status); the code itself when unknown.
std::string status_label(AppContext& ctx, std::string_view status);
// Whole days a dossier due at `due_at` (RFC 3339) is late now, at least 1; 0 when not late.
int days_late(std::string_view due_at);
// "Quá hạn 3 ngày".
std::string late_text(AppContext& ctx, int days);
// "26/11/2026 13:43" (Vietnam time), or "" for a missing time.
std::string time_text(const nlohmann::json& j, const char* key);
// Takes the answer of `call`: the body's JSON when it succeeded, else nullopt with the server's
// message in `error` (untouched while nothing came).
std::optional<nlohmann::json> take_json(AppContext& ctx, api::Call& call, std::string& error,
                                        api::ApiError* full = nullptr);
// Today in Vietnam as "YYYY-MM-DD", `days_offset` days later.
std::string vietnam_today(int days_offset = 0);

// A wrapping row of choices ("chips"), one selected; returns true when `index` changed. Each
// chip's id is "<id>.<n>".
bool chips(AppContext& ctx, const char* id, const std::vector<std::string>& labels, int& index);

}  // namespace cdscb::app::screens::office_ui
