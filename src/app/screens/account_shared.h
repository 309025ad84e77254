#pragma once
// Pieces the account screens share: the notice for a visitor who is not signed in, and taking
// the answer to a sign-out (here or everywhere).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/ui/page.h"

namespace cdscb::app::screens {

// When no one is signed in: "Bạn chưa đăng nhập." and the way to "Đăng nhập", the page ended;
// returns true then (the caller draws nothing more).
bool draw_signed_out_page(AppContext& ctx, const ui::Page& page);

// Unless an admin is signed in: the notice that only admins manage officials, the page ended;
// returns true then (someone else followed a link to an admin screen). `message_key` names the
// notice (the officials' screens say what they are about).
bool draw_not_admin_page(AppContext& ctx, const char* message_key = "admin.forbidden");

// Takes the answer to a call that reads a list (the admin screens): once it has come, `loaded` is
// set and the array `key` of the body is returned (empty when missing); a failure lands in
// `error` and gives nullopt, like no answer yet.
std::optional<nlohmann::json> take_list(AppContext& ctx, api::Call& call, const char* key,
                                        bool& loaded, api::ApiError& error);

// A confirmation under an item of an admin list: the warning in red, then the confirming button
// and "Hủy". Returns kYes or kNo on the frame one is tapped; the buttons do nothing while `busy`.
enum class Confirm { kNone, kYes, kNo };
Confirm draw_confirm(AppContext& ctx, const std::string& id, const char* warning,
                     const char* yes_label, float width, bool busy);

// Takes the answer to a sign-out call: on success the app forgets the user and goes home
// (returns true); a failure lands in `error`.
bool take_sign_out(AppContext& ctx, api::Call& call, api::ApiError& error);

}  // namespace cdscb::app::screens
