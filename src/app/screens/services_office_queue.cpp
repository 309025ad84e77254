#include "app/screens/services_office_queue.h"

#include <array>
#include <string_view>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/dossier.h"

namespace cdscb::app::screens {
namespace {

// The chips: "" is every status; then the statuses an official acts on, in the desk's order.
constexpr std::array<std::string_view, 7> kFilters = {"",
                                                      core::kDossierRegistered,
                                                      core::kDossierReceived,
                                                      core::kDossierProcessing,
                                                      core::kDossierSupplement,
                                                      core::kDossierProcessed,
                                                      core::kDossierAwaitingFee};

}  // namespace

void ServicesOfficeQueue::enter(AppContext& ctx) { load(ctx, false); }

void ServicesOfficeQueue::load(AppContext& ctx, bool more) {
  std::string path = "/api/v1/officer/dossiers?limit=20";
  if (filter_ > 0) path += "&status=" + std::string(kFilters[filter_]);
  if (more) path += "&cursor=" + next_cursor_;
  appending_ = more;
  if (!more) loaded_ = false;
  list_.start(ctx.api, "GET", path);
}

void ServicesOfficeQueue::draw(AppContext& ctx, float width) {
  if (auto body = office_ui::take_json(ctx, list_, error_)) {
    const auto& list = feedback_ui::member(*body, "items");
    if (!appending_) items_ = nlohmann::json::array();
    if (list.is_array())
      for (const auto& item : list) items_.push_back(item);
    next_cursor_ = api::str(*body, "next_cursor");
    loaded_ = true;
  }
  std::vector<std::string> labels;
  for (const auto status : kFilters)
    labels.push_back(status.empty() ? ctx.t("services.office.all")
                                    : office_ui::status_label(ctx, status));
  if (office_ui::chips(ctx, "services.office.filter", labels, filter_)) load(ctx, false);
  if (!error_.empty()) ui::status_banner(ctx, "services.office.queue_error", error_.c_str());
  if (!loaded_ && list_.waiting())
    ui::paragraph(ctx, "services.office.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  if (loaded_ && items_.empty())
    ui::paragraph(ctx, "services.office.queue_empty", ctx.t("services.office.queue_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "services.office.queue." + std::to_string(i++);
    const std::string code = api::str(item, "code");
    const bool overdue = api::boolean(item, "overdue");
    std::string line = api::str(feedback_ui::member(item, "procedure"), "name") + "\n" +
                       api::str(item, "applicant_name") + " · " +
                       office_ui::status_label(ctx, api::str(item, "status"));
    const std::string due = office_ui::time_text(item, "due_at");
    if (overdue)
      line += "\n" + office_ui::late_text(ctx, office_ui::days_late(api::str(item, "due_at"))) +
              " · " + ctx.t("services.office.due") + " " + due;
    else if (!due.empty())
      line += "\n" + std::string(ctx.t("services.office.due")) + " " + due;
    if (feedback_ui::card(ctx, id.c_str(), code, line, overdue))
      ctx.nav.go(core::services_route(core::ServicesPage::kOfficerDossier, code));
  }
  if (!next_cursor_.empty() && !list_.waiting() &&
      ui::button(ctx, "services.office.more", ctx.t("services.office.more"),
                 ui::ButtonKind::kSecondary, width))
    load(ctx, true);
}

}  // namespace cdscb::app::screens
