#include "app/screens/services_office_dossier.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/dossier.h"
#include "core/procedure_json.h"

namespace cdscb::app::screens {
namespace {

using feedback_ui::fact;
using feedback_ui::member;

// "Giấy tờ cần bổ sung" as the citizen was told: each item, the reason, the deadline.
void draw_supplement(AppContext& ctx, const nlohmann::json& supplement) {
  if (!supplement.is_object()) return;
  std::string items;
  for (const auto& item : member(supplement, "items"))
    if (item.is_string()) items += "\n• " + item.get<std::string>();
  fact(ctx, "services.office.h.supplement_items", ctx.t("services.office.items"), items);
  fact(ctx, "services.office.h.supplement_reason", ctx.t("services.office.reason"),
       api::str(supplement, "reason"));
  fact(ctx, "services.office.h.supplement_deadline", ctx.t("services.office.supplement_deadline"),
       office_ui::time_text(supplement, "deadline"));
}

}  // namespace

void draw_officer_dossier_header(AppContext& ctx, const nlohmann::json& d) {
  ui::heading(ctx, "services.office.h.code", api::str(d, "code").c_str(), 2);
  fact(ctx, "services.office.h.procedure", ctx.t("services.office.procedure"),
       api::str(member(d, "procedure"), "name"));
  fact(ctx, "services.office.h.status", ctx.t("services.office.status"),
       office_ui::status_label(ctx, api::str(d, "status")));
  fact(ctx, "services.office.h.applicant", ctx.t("services.office.applicant"),
       api::str(d, "applicant_name"));
  fact(ctx, "services.office.h.agency", ctx.t("services.office.agency"),
       api::str(member(d, "agency"), "name"));
  fact(ctx, "services.office.h.filed", ctx.t("services.office.filed"),
       office_ui::time_text(d, "created_at"));
  const std::string due = office_ui::time_text(d, "due_at");
  if (api::boolean(d, "overdue")) {
    const std::string text = std::string(ctx.t("services.office.due")) + ": " + due + " · " +
                             office_ui::late_text(ctx, office_ui::days_late(api::str(d, "due_at")));
    ui::paragraph(ctx, "services.office.h.due", text.c_str(), ui::Theme::kError);
  } else {
    fact(ctx, "services.office.h.due", ctx.t("services.office.due"), due);
  }
  if (api::str(d, "status") == core::kDossierSupplement)
    draw_supplement(ctx, member(d, "supplement"));
  const auto& result = member(d, "result");
  if (result.is_object())
    fact(ctx, "services.office.h.result", ctx.t("services.office.result"),
         api::str(result, "number") + " · " + api::str(result, "date"));
}

void ServicesOfficeDossier::enter(AppContext& ctx, const std::string& code) {
  code_ = code;
  dossier_ = nlohmann::json();
  error_.clear();
  actions_.reset();
  actions_.set_procedure(std::nullopt);
  load_.start(ctx.api, "GET", "/api/v1/dossiers/" + code);
}

void ServicesOfficeDossier::draw(AppContext& ctx, float width) {
  if (auto body = office_ui::take_json(ctx, load_, error_)) {
    dossier_ = member(*body, "dossier");
    // Its procedure's papers, for "Yêu cầu bổ sung".
    const std::string procedure = api::str(member(dossier_, "procedure"), "code");
    if (!procedure.empty()) procedure_.start(ctx.api, "GET", "/api/v1/procedures/" + procedure);
  }
  if (auto r = procedure_.poll(ctx.api); r && r->ok()) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    actions_.set_procedure(core::procedure_from_json(member(body, "procedure")));
  }
  if (!dossier_.is_object()) {
    if (!error_.empty())
      ui::status_banner(ctx, "services.office.dossier_error", error_.c_str());
    else
      ui::paragraph(ctx, "services.office.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  draw_officer_dossier_header(ctx, dossier_);
  if (auto updated = actions_.draw(ctx, dossier_, width); updated && updated->is_object())
    dossier_ = *updated;
}

}  // namespace cdscb::app::screens
