#include "app/screens/services_office_procedures.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/money.h"

namespace cdscb::app::screens {

void ServicesOfficeProcedures::enter(AppContext& ctx) { load(ctx, false); }

void ServicesOfficeProcedures::load(AppContext& ctx, bool more) {
  std::string path = "/api/v1/admin/procedures?limit=30";
  if (more) path += "&cursor=" + next_cursor_;
  appending_ = more;
  list_.start(ctx.api, "GET", path);
}

void ServicesOfficeProcedures::draw(AppContext& ctx, float width) {
  if (auto body = office_ui::take_json(ctx, list_, error_)) {
    if (!appending_) items_ = nlohmann::json::array();
    for (const auto& item : feedback_ui::member(*body, "items")) items_.push_back(item);
    next_cursor_ = api::str(*body, "next_cursor");
    loaded_ = true;
  }
  if (ui::button(ctx, "services.office.procedure_add", ctx.t("services.office.procedure_add"),
                 ui::ButtonKind::kPrimary, width))
    ctx.nav.go(core::services_route(core::ServicesPage::kAdminProcedure, "moi"));
  if (!error_.empty()) ui::status_banner(ctx, "services.office.procedures_error", error_.c_str());
  if (!loaded_ && list_.waiting())
    ui::paragraph(ctx, "services.office.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "services.office.procedures." + std::to_string(i++);
    const std::string code = api::str(item, "code");
    std::string line = code + " · " + ctx.t("services.office.version") + " " +
                       std::to_string(api::integer(item, "published_version"));
    const auto& fee = feedback_ui::member(item, "fee_vnd");
    line += " · " + (fee.is_number_integer() ? core::format_vnd(fee.get<long long>())
                                             : std::string(ctx.t("services.office.no_fee")));
    const bool draft = api::str(item, "status") == "draft";
    if (draft) line += "\n" + std::string(ctx.t("services.office.has_draft"));
    if (feedback_ui::card(ctx, id.c_str(), api::str(item, "name"), line))
      ctx.nav.go(core::services_route(core::ServicesPage::kAdminProcedure, code));
  }
  if (!next_cursor_.empty() && !list_.waiting() &&
      ui::button(ctx, "services.office.procedures_more", ctx.t("services.office.more"),
                 ui::ButtonKind::kSecondary, width))
    load(ctx, true);
}

}  // namespace cdscb::app::screens
