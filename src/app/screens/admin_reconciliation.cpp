#include "app/screens/admin_reconciliation.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/screens/admin_payments_ui.h"
#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/money.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

using admin_payments_ui::label_or;

}  // namespace

void AdminReconciliation::on_enter(AppContext& ctx) {
  if (day_.empty()) day_ = admin_payments_ui::vietnam_day(1);  // yesterday: a finished day
  answer_ = nlohmann::json();
  loaded_ = false;
  error_ = {};
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx);
}

void AdminReconciliation::load(AppContext& ctx) {
  if (call_.waiting()) return;
  call_.start(ctx.api, "GET",
              "/api/v1/admin/payments/reconciliation?date=" +
                  state::url_encode(admin_payments_ui::trimmed(day_)));
}

void AdminReconciliation::take_answer(AppContext& ctx) {
  auto answer = call_.poll(ctx.api);
  if (!answer) return;
  loaded_ = true;
  const auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  if (!answer->ok() || !body.is_object()) {
    error_ = api::error_of(*answer);
    answer_ = nlohmann::json();
    return;
  }
  error_ = {};
  answer_ = body;
}

void AdminReconciliation::draw_day(AppContext& ctx) {
  char text[512];
  const std::string day = core::vietnam_day_text(api::str(answer_, "date"));
  std::snprintf(text, sizeof text, ctx.t("admin.reconciliation.day"), day.c_str(),
                static_cast<int>(api::integer(answer_, "orders")),
                core::format_vnd(api::integer(answer_, "total")).c_str());
  ui::heading(ctx, "admin.reconciliation.summary", text, 2);
  const auto& mismatches = feedback_ui::member(answer_, "mismatches");
  if (mismatches.empty()) {
    ui::status_banner(ctx, "admin.reconciliation.match", ctx.t("admin.reconciliation.match"));
  } else {
    std::snprintf(text, sizeof text, ctx.t("admin.reconciliation.mismatch_count"),
                  static_cast<int>(mismatches.size()));
    ui::status_banner(ctx, "admin.reconciliation.mismatches", text);
  }
  int i = 0;
  for (const auto& m : mismatches) {
    const std::string id = "admin.reconciliation.mismatch." + std::to_string(i++);
    std::string line =
        std::to_string(i) + ". " + label_or(ctx, "admin.reconciliation.kind", api::str(m, "kind"));
    for (const char* key : {"order_code", "provider", "detail"})
      if (!api::str(m, key).empty()) line += " · " + api::str(m, key);
    ui::paragraph(ctx, id.c_str(), line.c_str(), ui::Theme::kError);
  }
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "admin.reconciliation.providers", ctx.t("admin.reconciliation.providers"), 3);
  for (const auto& p : feedback_ui::member(answer_, "providers")) {
    const std::string id = "admin.reconciliation.provider." + api::str(p, "provider");
    if (!api::boolean(p, "reachable", true)) {
      std::snprintf(text, sizeof text, ctx.t("admin.reconciliation.unreachable"),
                    api::str(p, "name").c_str(), static_cast<int>(api::integer(p, "orders")),
                    core::format_vnd(api::integer(p, "total")).c_str());
    } else {
      std::snprintf(text, sizeof text, ctx.t("admin.reconciliation.provider_line"),
                    api::str(p, "name").c_str(), static_cast<int>(api::integer(p, "orders")),
                    core::format_vnd(api::integer(p, "total")).c_str(),
                    static_cast<int>(api::integer(p, "confirmed")),
                    core::format_vnd(api::integer(p, "confirmed_total")).c_str());
    }
    ui::paragraph(ctx, id.c_str(), text);
  }
  ui::heading(ctx, "admin.reconciliation.methods", ctx.t("admin.reconciliation.methods"), 3);
  const auto& methods = feedback_ui::member(answer_, "methods");
  if (methods.empty())
    ui::paragraph(ctx, "admin.reconciliation.no_methods", ctx.t("admin.reconciliation.none"),
                  ui::Theme::kMutedText);
  for (const auto& m : methods) {
    const std::string method = api::str(m, "method");
    std::snprintf(text, sizeof text, ctx.t("admin.reconciliation.method_line"),
                  admin_payments_ui::method_label(ctx, m.value("method", nlohmann::json())).c_str(),
                  static_cast<int>(api::integer(m, "orders")),
                  core::format_vnd(api::integer(m, "total")).c_str());
    ui::paragraph(ctx, ("admin.reconciliation.method." + method).c_str(), text);
  }
}

void AdminReconciliation::draw(AppContext& ctx) {
  take_answer(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.reconciliation.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !call_.waiting()) on_enter(ctx);  // a deep link that came before /me
  ui::paragraph(ctx, "admin.reconciliation.intro", ctx.t("admin.reconciliation.intro"),
                ui::Theme::kMutedText);
  ui::text_field(ctx, "admin.reconciliation.date", ctx.t("admin.reconciliation.date"), day_,
                 {.placeholder = "YYYY-MM-DD", .input = "day", .error = error_.field("date")});
  if (ui::button(ctx, "admin.reconciliation.run", ctx.t("admin.reconciliation.run"),
                 ui::ButtonKind::kPrimary, page.column_width))
    load(ctx);
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "admin.reconciliation.error", error_.message.c_str());
  ImGui::Dummy(ImVec2(0, 8));
  if (call_.waiting()) {
    ui::paragraph(ctx, "admin.reconciliation.loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (answer_.is_object()) {
    draw_day(ctx);
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
