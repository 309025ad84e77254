#include "app/screens/account.h"

#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void Account::draw(AppContext& ctx) {
  if (take_sign_out(ctx, logout_, error_)) return;
  ui::Page page = ui::begin_page(ctx, ctx.t("account.title"), /*is_home=*/false);
  if (draw_signed_out_page(ctx, page)) return;
  const auto& user = ctx.session.user();
  ui::heading(ctx, "account.name", user->full_name.c_str(), 2);
  std::string phone = std::string(ctx.t("account.phone")) + ": " + user->phone_masked;
  ui::paragraph(ctx, "account.phone", phone.c_str(), ui::Theme::kMutedText);
  vneid_.draw(ctx, page.column_width);
  ImGui::Dummy(ImVec2(0, 4));
  if (ui::button(ctx, "account.sessions", ctx.t("account.sessions.title"),
                 ui::ButtonKind::kSecondary, page.column_width))
    ctx.nav.go({core::Screen::kSessions, ""});
  // Officials' accounts, feedback fields, holidays, Open311 keys, failed jobs, payment orders and
  // reconciliation are an admin's only (the server checks it too).
  if (user->admin()) {
    struct AdminPage {
      const char* id;
      const char* title_key;
      core::Screen screen;
    };
    constexpr AdminPage kAdminPages[] = {
        {"admin.officials", "admin.officials.title", core::Screen::kOfficials},
        {"admin.fields", "admin.fields.title", core::Screen::kFeedbackFields},
        {"admin.holidays", "admin.holidays.title", core::Screen::kHolidays},
        {"admin.keys", "admin.keys.title", core::Screen::kOpen311Keys},
        {"admin.jobs", "admin.jobs.title", core::Screen::kFailedJobs},
        {"admin.payments", "admin.payments.title", core::Screen::kPaymentOrders},
        {"admin.reconciliation", "admin.reconciliation.title", core::Screen::kReconciliation}};
    for (const AdminPage& admin_page : kAdminPages)
      if (ui::button(ctx, admin_page.id, ctx.t(admin_page.title_key), ui::ButtonKind::kSecondary,
                     page.column_width))
        ctx.nav.go({admin_page.screen, ""});
  }
  ImGui::Dummy(ImVec2(0, 4));
  profile_.draw(ctx, page.column_width);
  ImGui::Dummy(ImVec2(0, 12));
  if (!error_.message.empty()) ui::status_banner(ctx, "account.error", error_.message.c_str());
  if (ui::button(ctx, "account.logout", ctx.t("account.logout"), ui::ButtonKind::kPrimary,
                 page.column_width) &&
      !logout_.waiting())
    logout_.start(ctx.api, "DELETE", "/api/v1/sessions/current");
  if (ui::button(ctx, "account.logout_all", ctx.t("account.logout_all"), ui::ButtonKind::kSecondary,
                 page.column_width) &&
      !logout_.waiting())
    logout_.start(ctx.api, "DELETE", "/api/v1/sessions");
  ImGui::Dummy(ImVec2(0, 12));
  security_.draw(ctx, page.column_width);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
