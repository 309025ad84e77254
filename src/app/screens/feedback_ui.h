#pragma once
// Pieces the feedback pages share: a tappable card for a list row, a row of photo thumbnails,
// times in Vietnam's clock, and the labels of statuses.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "core/feedback_listed.h"
#include "core/feedback_record.h"

namespace cdscb::app::screens::feedback_ui {

// A full-width card with a bold title and a muted line under it; returns true when tapped.
bool card(AppContext& ctx, const char* id, const std::string& title, const std::string& line,
          bool alert = false);
// One square thumbnail (a blob: or /media/ URL) at the cursor.
void thumbnail(AppContext& ctx, const std::string& url, float side);
// Thumbnails of photos, 96 px squares, wrapping.
void photo_row(AppContext& ctx, const char* id, const std::vector<core::FeedbackPhoto>& photos);
// "2026-11-26T06:43:07Z" → "26/11/2026 13:43" (Vietnam, UTC+7); the input when unreadable.
std::string local_time(std::string_view rfc3339);
// The name of a listed feedback: its title, or for unpublished feedback of someone else (the
// follower view, which has no title) "Phản ánh chưa công khai về <field>, gửi ngày <day>".
std::string list_name(AppContext& ctx, const core::ListedFeedback& item);
// The follower view's status changes: "Đã gửi 01/12/2026 → Đã tiếp nhận 02/12/2026".
std::string status_changes(const core::FeedbackFollowerView& item);
// Coordinates as shown to the citizen: 6 decimals, exactly what is kept (never snapped).
std::string coordinate(double value);
// Takes the answer of a list request ({"items":[…]}): true when the items came, else the error's
// message is in `error`.
bool take_list(AppContext& ctx, api::Call& call, nlohmann::json& items, std::string& error,
               std::string* next_cursor = nullptr);
// The same for a list of feedback, read as core records.
bool take_feedback_list(AppContext& ctx, api::Call& call, std::vector<core::FeedbackRecord>& items,
                        std::string& error);
// The same for a list of records and follower views ("Phản ánh tương tự", "Đang theo dõi").
bool take_listed_feedback(AppContext& ctx, api::Call& call,
                          std::vector<core::ListedFeedback>& items, std::string& error);
// A label and its value on one line ("Lĩnh vực: Giao thông"), mirrored as text.
void fact(AppContext& ctx, const char* id, const char* label, const std::string& value);
const nlohmann::json& member(const nlohmann::json& j, const char* key);

}  // namespace cdscb::app::screens::feedback_ui
