#include "app/screens/services_filing_procedure.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_filing_catalogue.h"
#include "app/ui/widgets.h"
#include "core/procedure_json.h"
#include "core/routes.h"

namespace cdscb::app::screens {

void ProcedureLoader::load(AppContext& ctx, const std::string& code) {
  if (code == code_ && (loaded_ || call_.waiting())) return;
  code_ = code;
  loaded_ = false;
  error_.clear();
  procedure_ = {};
  call_.start(ctx, "GET", "/api/v1/procedures/" + state::url_encode(code));
}

bool ProcedureLoader::draw_state(AppContext& ctx, float width) {
  if (auto r = call_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && body.is_object()) {
      const auto& p = feedback_ui::member(body, "procedure");
      procedure_ = core::procedure_from_json(p);
      agency_name_ = api::str(p, "agency_name");
      loaded_ = true;
    } else {
      error_ = r->status == 404 ? ctx.t("services.filing.no_procedure") : call_.error_text(ctx, *r);
    }
  }
  if (loaded_) return true;
  if (!error_.empty()) {
    if (payments_ui::error_with_retry(ctx, "services.filing.procedure_error", error_, true,
                                      width)) {
      const std::string code = code_;
      code_.clear();
      load(ctx, code);
    }
  } else {
    ui::paragraph(ctx, "services.filing.procedure_loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  }
  return false;
}

const char* paper_form_label(AppContext& ctx, std::string_view form) {
  if (form == core::kPaperOriginal) return ctx.t("services.filing.paper_original");
  if (form == core::kPaperCertifiedCopy) return ctx.t("services.filing.paper_certified_copy");
  return ctx.t("services.filing.paper_copy");
}

void FilingProcedure::draw(AppContext& ctx, float width) {
  if (!loader_.draw_state(ctx, width)) return;
  const core::Procedure& p = loader_.procedure();
  ui::heading(ctx, "services.filing.procedure_name", p.name.c_str(), 2);
  if (p.sample)
    ui::status_banner(
        ctx, "services.filing.sample_note",
        p.sample_note.empty() ? ctx.t("services.filing.sample_note") : p.sample_note.c_str());
  feedback_ui::fact(ctx, "services.filing.procedure_field", ctx.t("services.filing.field"),
                    p.field_name);
  feedback_ui::fact(ctx, "services.filing.procedure_agency", ctx.t("services.filing.agency"),
                    loader_.agency_name());
  feedback_ui::fact(ctx, "services.filing.procedure_time", ctx.t("services.filing.time"),
                    filing_days_text(ctx, p.processing_days));
  feedback_ui::fact(
      ctx, "services.filing.procedure_fee", ctx.t("services.filing.fee"),
      filing_fee_text(ctx, p.fee_vnd ? nlohmann::json(*p.fee_vnd) : nlohmann::json(nullptr)));
  if (!p.fee_note.empty())
    ui::paragraph(ctx, "services.filing.procedure_fee_note", p.fee_note.c_str(),
                  ui::Theme::kMutedText);
  feedback_ui::fact(ctx, "services.filing.procedure_online", ctx.t("services.filing.online_level"),
                    ctx.t(p.online_level == core::kOnlineFull ? "services.filing.online_full"
                                                              : "services.filing.online_partial"));
  feedback_ui::fact(ctx, "services.filing.procedure_legal", ctx.t("services.filing.legal_basis"),
                    p.legal_basis);
  ui::heading(ctx, "services.filing.papers", ctx.t("services.filing.papers"), 3);
  int i = 0;
  for (const core::Paper& paper : p.papers) {
    const std::string id = "services.filing.paper." + std::to_string(i++);
    const std::string line =
        std::string(paper_form_label(ctx, paper.form)) + " · " +
        filing_text(ctx, "services.filing.paper_count", {std::to_string(paper.count)}) + " · " +
        ctx.t(paper.required ? "services.filing.required" : "services.filing.optional");
    ui::paragraph(ctx, (id + ".name").c_str(), paper.name.c_str());
    ui::paragraph(ctx, (id + ".line").c_str(), line.c_str(), ui::Theme::kMutedText);
    if (!paper.note.empty())
      ui::paragraph(ctx, (id + ".note").c_str(), paper.note.c_str(), ui::Theme::kMutedText);
  }
  if (ui::button(ctx, "services.filing.file_online", ctx.t("services.filing.file_online"),
                 ui::ButtonKind::kPrimary, width))
    ctx.nav.go(core::services_route(core::ServicesPage::kForm, p.code));
}

}  // namespace cdscb::app::screens
