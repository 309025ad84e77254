#include "app/screens/home.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "app/api/json.h"
#include "app/platform/inbox.h"
#include "app/ui/alert_banner.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

struct TileSpec {
  const char* id;
  const char* label_key;
  ui::Icon icon;
  core::Screen screen;
};

constexpr std::array<TileSpec, 6> kTiles{{
    {"home.tile.news", "tile.news", ui::Icon::kNews, core::Screen::kNews},
    {"home.tile.directory", "tile.directory", ui::Icon::kGovernment, core::Screen::kDirectory},
    {"home.tile.feedback", "tile.feedback", ui::Icon::kFeedback, core::Screen::kFeedback},
    {"home.tile.services", "tile.services", ui::Icon::kServices, core::Screen::kPublicServices},
    {"home.tile.payments", "tile.payments", ui::Icon::kPayments, core::Screen::kPayments},
    {"home.tile.cameras", "tile.cameras", ui::Icon::kCamera, core::Screen::kCameras},
}};

constexpr long long kAlertCheckSeconds = 300;  // alerts are asked for again this often
constexpr long long kUnreadCheckSeconds = 60;  // and the unread notifications this often

}  // namespace

void Home::on_enter(AppContext& ctx) {
  ctx.news.alerts.refresh(ctx.api);
  next_check_ = state::unix_now() + kAlertCheckSeconds;
  next_unread_check_ = 0;  // back on home: the count may have changed
}

void Home::draw_notifications(AppContext& ctx, float width) {
  if (auto r = unread_call_.poll(ctx.api); r && r->ok())
    unread_ = static_cast<int>(
        api::integer(nlohmann::json::parse(r->body, nullptr, false), "unread", unread_));
  if (!ctx.session.user()) {
    unread_ = 0;
    next_unread_check_ = 0;
    return;
  }
  const long long now = state::unix_now();
  if (now >= next_unread_check_ && !unread_call_.waiting()) {
    // Only the unread count is read: the smallest page carries it.
    unread_call_.start(ctx.api, "GET", "/api/v1/notifications?limit=1");
    next_unread_check_ = now + kUnreadCheckSeconds;
  }
  if (ui::button(ctx, "home.notifications", ctx.t("notifications.title"),
                 ui::ButtonKind::kSecondary, width))
    ctx.nav.go({core::Screen::kNotifications, ""});
  if (unread_ <= 0) return;
  // A red badge with the count on the button's right end.
  const std::string count = unread_ > 99 ? "99+" : std::to_string(unread_);
  const ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
  const ImVec2 size = ImGui::CalcTextSize(count.c_str());
  const float r = std::max(size.y, size.x) * 0.5f + 6;
  const ImVec2 c(max.x - r - 12, (min.y + max.y) * 0.5f);
  // The badge is its own (small) item so its mirror covers the circle, not the button's centre.
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(c.x - r, c.y - r));
  ImGui::Dummy(ImVec2(r * 2, r * 2));
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddCircleFilled(c, r, ui::Theme::kError);
  d->AddText(ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), IM_COL32_WHITE, count.c_str());
  std::string text = ctx.t("notifications.badge");
  if (auto at = text.find("%d"); at != std::string::npos) text.replace(at, 2, count);
  ui::mirror_last_item(ctx,
                       {.id = "home.notifications.badge", .role = ui::Role::kText, .name = text});
  ImGui::SetCursorScreenPos(after);
}

void Home::draw_alerts(AppContext& ctx, float width) {
  const long long now = state::unix_now();
  if (now >= next_check_) on_enter(ctx);
  for (const state::Alert* alert : ctx.news.alerts.current(now)) {
    const bool expanded = expanded_ == alert->id;
    if (ui::alert_banner(ctx, *alert, width, expanded)) expanded_ = expanded ? "" : alert->id;
    if (expanded && !alert->article_id.empty() &&
        ui::link(ctx, ("home.alert.article." + alert->id).c_str(), ctx.t("news.alert.read_more"),
                 core::route_hash({core::Screen::kNewsArticle, alert->article_id})))
      ctx.nav.go({core::Screen::kNewsArticle, alert->article_id});
  }
  // Sleep until the next banner expires or the next check, whichever is first; no busy frames.
  long long wake = next_check_;
  if (auto expiry = ctx.news.alerts.next_expiry(now); expiry && *expiry < wake) wake = *expiry;
  if (ctx.session.user() && next_unread_check_ > now && next_unread_check_ < wake)
    wake = next_unread_check_;
  if (wake != wake_at_) {
    wake_at_ = wake;
    platform::request_wake_after(static_cast<double>(wake - now) + 0.5);
  }
}

void Home::draw(AppContext& ctx) {
  ui::Page page = ui::begin_page(ctx, ctx.t("app.title"), /*is_home=*/true);
  draw_alerts(ctx, page.column_width);
  draw_notifications(ctx, page.column_width);
  ui::paragraph(ctx, "home.welcome", ctx.t("home.welcome"), ui::Theme::kMutedText);

  const int columns = page.column_width < 300 ? 2 : 3;
  const float gap = 12;
  const float w = std::floor((page.column_width - gap * (columns - 1)) / columns);
  float h = 0;
  for (const TileSpec& spec : kTiles)
    h = std::max(h, ui::tile_height(ctx, w, ctx.t(spec.label_key)));
  for (size_t i = 0; i < kTiles.size(); ++i) {
    const TileSpec& spec = kTiles[i];
    if (i % columns) ImGui::SameLine(0, gap);
    if (ui::tile(ctx, spec.id, ctx.t(spec.label_key), spec.icon, ImVec2(w, h)))
      ctx.nav.go({spec.screen, ""});
  }

  ImGui::Dummy(ImVec2(0, 8));
  if (ui::button(ctx, "home.settings", ctx.t("settings.title"), ui::ButtonKind::kSecondary))
    ctx.nav.go({core::Screen::kSettings, ""});
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
