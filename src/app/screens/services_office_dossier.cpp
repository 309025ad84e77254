#include "app/screens/services_office_dossier.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/procedure_json.h"

namespace cdscb::app::screens {

using feedback_ui::member;

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
    view_.set(ctx, dossier_);
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
  // The dossier as the citizen reads it, the actions between its facts and its papers.
  view_.draw_head(ctx);
  if (auto updated = actions_.draw(ctx, dossier_, width); updated && updated->is_object()) {
    dossier_ = *updated;
    view_.set(ctx, dossier_);
  }
  view_.draw_body(ctx, width);
}

}  // namespace cdscb::app::screens
