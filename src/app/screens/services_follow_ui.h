#pragma once
// Pieces the pages of "Hồ sơ cá nhân", "Kho giấy tờ" and "Tra cứu hồ sơ" share.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens::services_follow_ui {

// True when someone is signed in; otherwise sends to "Đăng nhập" (payments_ui::require_account).
bool require_account(AppContext& ctx);
// The body of a successful answer as JSON (an object), or the error's message in `error`.
bool take_body(const api::Response& r, nlohmann::json& body, std::string& error);

}  // namespace cdscb::app::screens::services_follow_ui
