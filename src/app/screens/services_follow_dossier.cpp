#include "app/screens/services_follow_dossier.h"

#include <imgui.h>

#include <algorithm>

#include "app/api/json.h"
#include "app/screens/services_follow_ui.h"
#include "app/ui/widgets.h"
#include "core/dossier.h"
#include "core/routes.h"

namespace cdscb::app::screens {

void ServicesFollowDossier::enter(AppContext& ctx, const std::string& code) {
  code_ = code;
  owner_ = ctx.session.owner();
  view_ = {};
  survey_.reset();
  error_.clear();
  not_found_ = withdrawing_ = confirming_ = false;
  reason_.clear();
  reason_error_.clear();
  withdraw_ = {};
  load_ = {};
  if (ctx.session.user()) load_.start(ctx.api, "GET", "/api/v1/dossiers/" + code_);
}

// The status table allows it for a citizen, and the server, which knows the guards' facts (a
// processing already started, a deadline passed), listed it for this dossier.
bool ServicesFollowDossier::allowed(std::string_view action) const {
  const auto& d = view_.dossier();
  const std::string status = api::str(d, "status");
  const auto table =
      core::dossier_actions(status, core::kActorCitizen, {.processing_started = false});
  if (std::find(table.begin(), table.end(), action) == table.end()) return false;
  const auto it = d.find("actions");
  if (it == d.end() || !it->is_array()) return true;
  return std::any_of(it->begin(), it->end(),
                     [&](const nlohmann::json& a) { return a.is_string() && a == action; });
}

void ServicesFollowDossier::draw_withdraw(AppContext& ctx, float width) {
  if (!withdrawing_) {
    if (ui::button(ctx, "services.follow.withdraw", ctx.t("services.follow.withdraw"),
                   ui::ButtonKind::kSecondary, width))
      withdrawing_ = true;
    return;
  }
  ui::text_area(ctx, "services.follow.withdraw_reason", ctx.t("services.follow.withdraw_reason"),
                reason_, 3, {.error = reason_error_});
  if (withdraw_.waiting()) {
    ui::paragraph(ctx, "services.follow.withdrawing", ctx.t("services.follow.sending"),
                  ui::Theme::kMutedText);
    return;
  }
  if (confirming_) {
    ui::status_banner(ctx, "services.follow.withdraw_confirm_text",
                      ctx.t("services.follow.withdraw_confirm_text"));
    if (ui::button(ctx, "services.follow.withdraw_confirm",
                   ctx.t("services.follow.withdraw_confirm"), ui::ButtonKind::kPrimary, width)) {
      confirming_ = false;
      withdraw_.start(ctx.api, "POST", "/api/v1/dossiers/" + code_ + "/withdraw",
                      nlohmann::json{{"reason", reason_}}.dump());
    }
    if (ui::button(ctx, "services.follow.withdraw_cancel", ctx.t("services.follow.cancel"),
                   ui::ButtonKind::kSecondary, width))
      confirming_ = withdrawing_ = false;
    return;
  }
  if (ui::button(ctx, "services.follow.withdraw_send", ctx.t("services.follow.withdraw"),
                 ui::ButtonKind::kPrimary, width)) {
    const bool blank = reason_.find_first_not_of(" \t\r\n") == std::string::npos;
    reason_error_ = blank ? ctx.t("services.follow.withdraw_reason_needed") : "";
    confirming_ = !blank;
  }
  if (ui::button(ctx, "services.follow.withdraw_cancel", ctx.t("services.follow.cancel"),
                 ui::ButtonKind::kSecondary, width))
    withdrawing_ = false;
}

void ServicesFollowDossier::draw_actions(AppContext& ctx, float width) {
  const auto& d = view_.dossier();
  ImGui::Dummy(ImVec2(0, 8));
  if (allowed(core::kActionSupplement) &&
      ui::button(ctx, "services.follow.supplement_button", ctx.t("services.follow.supplement_go"),
                 ui::ButtonKind::kPrimary, width))
    ctx.nav.go(core::services_route(core::ServicesPage::kSupplement, code_));
  if (d.contains("result") && d["result"].is_object() &&
      ui::button(ctx, "services.follow.download", ctx.t("services.follow.download"),
                 ui::ButtonKind::kPrimary, width))
    view_.open_result();
  if (ui::button(ctx, "services.follow.receipt", ctx.t("services.follow.receipt"),
                 ui::ButtonKind::kSecondary, width))
    ctx.nav.go(core::services_route(core::ServicesPage::kReceipt, code_));
  if (allowed(core::kActionWithdraw)) draw_withdraw(ctx, width);
}

void ServicesFollowDossier::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_ ||
      (ctx.session.user() && !load_.waiting() && view_.empty() && !not_found_ && error_.empty()))
    enter(ctx, code_);  // another account never sees this one's dossier
  if (!services_follow_ui::require_account(ctx)) return;
  if (auto r = load_.poll(ctx.api)) {
    nlohmann::json body;
    if (r->status == 404) {
      not_found_ = true;
    } else if (services_follow_ui::take_body(*r, body, error_) && body.contains("dossier")) {
      view_.set(ctx, body["dossier"]);
    }
  }
  if (auto r = withdraw_.poll(ctx.api)) {
    nlohmann::json body;
    if (services_follow_ui::take_body(*r, body, error_) && body.contains("dossier")) {
      view_.set(ctx, body["dossier"]);
      withdrawing_ = false;
    }
  }
  if (not_found_) {
    ui::status_banner(ctx, "services.follow.not_found", ctx.t("services.follow.not_found"));
    return;
  }
  if (!error_.empty()) {
    ui::status_banner(ctx, "services.follow.error", error_.c_str());
    if (view_.empty() && ui::button(ctx, "services.follow.retry", ctx.t("services.follow.retry"),
                                    ui::ButtonKind::kSecondary, width)) {
      error_.clear();
      load_.start(ctx.api, "GET", "/api/v1/dossiers/" + code_);
    }
  }
  if (view_.empty()) {
    if (load_.waiting())
      ui::paragraph(ctx, "services.follow.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  view_.draw_head(ctx);
  draw_actions(ctx, width);
  view_.draw_body(ctx, width);
  const auto& d = view_.dossier();
  if (api::str(d, "status") == core::kDossierReturned)
    if (auto updated = survey_.draw(ctx, d, width)) view_.set(ctx, *updated);
}

}  // namespace cdscb::app::screens
