#include "app/screens/services_filing_supplement.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/procedure_json.h"
#include "core/routes.h"

namespace cdscb::app::screens {

void FilingSupplement::enter(AppContext& ctx, const std::string& code) {
  if (code == code_ && owner_ == ctx.session.owner() && (loaded_ || load_.waiting())) return;
  *this = FilingSupplement{};
  code_ = code;
  owner_ = ctx.session.owner();
  if (ctx.session.user()) load_.start(ctx, "GET", "/api/v1/dossiers/" + code);
}

void FilingSupplement::send(AppContext& ctx) {
  banner_.clear();
  if (ctx.connectivity.offline()) {
    banner_ = ctx.t("services.filing.supplement_offline");
    return;
  }
  if (papers_.files().empty() && !feedback_ui::member(dossier_["supplement"], "papers").empty()) {
    banner_ = ctx.t("services.filing.supplement_empty");
    return;
  }
  const nlohmann::json body = {{"values", nlohmann::json::object()},
                               {"papers", core::paper_files_json<nlohmann::json>(papers_.files())}};
  send_.start(ctx, "POST", "/api/v1/dossiers/" + code_ + "/supplement", body.dump());
}

void FilingSupplement::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_) enter(ctx, code_);
  if (!payments_ui::require_account(ctx)) return;
  if (!loaded_ && !load_.waiting() && error_.empty()) enter(ctx, code_);
  if (auto r = load_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && body.is_object()) {
      dossier_ = feedback_ui::member(body, "dossier");
      loaded_ = true;
      procedure_.load(ctx, api::str(feedback_ui::member(dossier_, "procedure"), "code"));
    } else {
      error_ = load_.error_text(ctx, *r);
    }
  }
  if (auto r = send_.poll(ctx)) {
    if (r->ok()) {
      sent_ = true;
    } else if (r->network_error()) {
      banner_ = ctx.t("services.filing.supplement_offline");
    } else {
      banner_ = send_.error_text(ctx, *r);
    }
  }
  papers_.take(ctx);
  if (std::string message = papers_.take_message(); !message.empty()) banner_ = message;
  if (!error_.empty() &&
      payments_ui::error_with_retry(ctx, "services.filing.supplement_error", error_, true, width)) {
    error_.clear();
    load_.start(ctx, "GET", "/api/v1/dossiers/" + code_);
  }
  if (!loaded_) {
    if (load_.waiting())
      ui::paragraph(ctx, "services.filing.supplement_loading", ctx.t("common.loading"),
                    ui::Theme::kMutedText);
    return;
  }
  feedback_ui::fact(ctx, "services.filing.supplement_code", ctx.t("services.filing.code"), code_);
  feedback_ui::fact(ctx, "services.filing.supplement_procedure", ctx.t("services.filing.procedure"),
                    api::str(feedback_ui::member(dossier_, "procedure"), "name"));
  if (sent_) {
    ui::status_banner(ctx, "services.filing.supplement_sent",
                      ctx.t("services.filing.supplement_sent"));
    if (ui::button(ctx, "services.filing.supplement_dossier", ctx.t("services.menu.mine"),
                   ui::ButtonKind::kSecondary, width))
      ctx.nav.go(core::services_route(core::ServicesPage::kDossier, code_));
    return;
  }
  const auto& asked = feedback_ui::member(dossier_, "supplement");
  if (!asked.is_object()) {
    ui::paragraph(ctx, "services.filing.supplement_none", ctx.t("services.filing.supplement_none"),
                  ui::Theme::kMutedText);
    return;
  }
  feedback_ui::fact(ctx, "services.filing.supplement_reason",
                    ctx.t("services.filing.supplement_reason"), api::str(asked, "reason"));
  feedback_ui::fact(ctx, "services.filing.supplement_deadline",
                    ctx.t("services.filing.supplement_deadline"),
                    feedback_ui::local_time(api::str(asked, "deadline")));
  ui::heading(ctx, "services.filing.supplement_items", ctx.t("services.filing.supplement_items"),
              3);
  int i = 0;
  for (const auto& item : feedback_ui::member(asked, "items")) {
    if (!item.is_string()) continue;
    const std::string text = "• " + item.get<std::string>();
    ui::paragraph(ctx, ("services.filing.supplement_item." + std::to_string(i++)).c_str(),
                  text.c_str());
  }
  if (!banner_.empty())
    ui::status_banner(ctx, "services.filing.supplement_banner", banner_.c_str());
  const auto& papers = feedback_ui::member(asked, "papers");
  if (!papers.empty()) {
    ui::heading(ctx, "services.filing.supplement_papers",
                ctx.t("services.filing.supplement_papers"), 3);
    if (!procedure_.draw_state(ctx, width)) return;
    for (const auto& code : papers) {
      if (!code.is_string()) continue;
      const core::Paper* paper = core::find_paper(procedure_.procedure(), code.get<std::string>());
      core::Paper asked_paper;
      if (paper)
        asked_paper = *paper;
      else
        asked_paper.code = asked_paper.name = code.get<std::string>();
      asked_paper.required = true;  // asked for: it must come
      papers_.draw_paper(ctx, asked_paper, {}, width);
    }
  }
  if (send_.waiting() || (papers_.uploading() && !ctx.connectivity.offline())) {
    ui::paragraph(ctx, "services.filing.supplement_sending", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (ui::button(ctx, "services.filing.supplement_send",
                        ctx.t("services.filing.supplement_send"), ui::ButtonKind::kPrimary,
                        width)) {
    send(ctx);
  }
}

}  // namespace cdscb::app::screens
