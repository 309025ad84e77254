#include "app/screens/services_filing_catalogue.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/widgets.h"
#include "core/message.h"
#include "core/money.h"
#include "core/procedure.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

constexpr int kPageSize = 20;
constexpr const char* kLevels[] = {"", "xa", "tinh"};

}  // namespace

std::string filing_text(AppContext& ctx, std::string_view key,
                        std::initializer_list<std::string_view> args) {
  return core::fill_message(core::message(key, args), [&](std::string_view k) { return ctx.t(k); });
}

std::string filing_agency_text(AppContext& ctx, const state::AgencyList& agencies,
                               const std::string& code) {
  if (code == core::kAgencyOfCommune) return ctx.t("services.filing.agency_commune");
  return agencies.name_of(code);
}

std::string filing_days_text(AppContext& ctx, long long days) {
  if (days <= 0) return ctx.t("services.filing.same_day");
  return filing_text(ctx, "services.filing.days", {std::to_string(days)});
}

std::string filing_fee_text(AppContext& ctx, const nlohmann::json& fee_vnd) {
  if (!fee_vnd.is_number_integer() || fee_vnd.get<long long>() <= 0)
    return ctx.t("services.filing.free");
  return core::format_vnd(fee_vnd.get<long long>());
}

std::string FilingCatalogue::path(const std::string& cursor) const {
  std::string p = "/api/v1/procedures?limit=" + std::to_string(kPageSize);
  if (!query_.empty()) p += "&q=" + state::url_encode(query_);
  if (field_ > 0 && field_ <= static_cast<int>(fields_.size()))
    p += "&field=" + state::url_encode(fields_[field_ - 1].first);
  if (level_ > 0) p += std::string("&level=") + kLevels[level_];
  if (!cursor.empty()) p += "&cursor=" + state::url_encode(cursor);
  return p;
}

void FilingCatalogue::enter(AppContext& ctx) {
  agencies_.refresh(ctx.api, ctx.replies);
  if (loaded_ || list_.waiting()) return;  // coming back keeps the search and the list
  search(ctx);
}

void FilingCatalogue::search(AppContext& ctx) {
  error_.clear();
  more_.reset();
  list_.start(ctx, "GET", path(""));
}

void FilingCatalogue::take(AppContext& ctx, payments_ui::TimedCall& call, bool append) {
  auto r = call.poll(ctx);
  if (!r) return;
  const auto body = nlohmann::json::parse(r->body, nullptr, false);
  if (!r->ok() || !body.is_object()) {
    error_ = call.error_text(ctx, *r);
    return;
  }
  if (!append) items_ = nlohmann::json::array();
  for (const auto& item : feedback_ui::member(body, "items")) {
    items_.push_back(item);
    const auto& field = feedback_ui::member(item, "field");
    const std::string code = api::str(field, "code");
    bool known = code.empty();
    for (const auto& [c, name] : fields_) known = known || c == code;
    if (!known) fields_.emplace_back(code, api::str(field, "name"));
  }
  next_cursor_ = api::str(body, "next_cursor");
  loaded_ = true;
  error_.clear();
}

void FilingCatalogue::draw(AppContext& ctx, float width) {
  take(ctx, list_, false);
  take(ctx, more_, true);
  agencies_.take(ctx.api, ctx.replies);
  ui::text_field(ctx, "services.filing.search", ctx.t("services.filing.search"), query_,
                 {.placeholder = ctx.t("services.filing.search_hint"), .input = "text"});
  std::vector<std::string> fields = {ctx.t("services.filing.all_fields")};
  for (const auto& [code, name] : fields_) fields.push_back(name);
  bool changed =
      ui::combo(ctx, "services.filing.field", ctx.t("services.filing.field"), field_, fields);
  const std::vector<std::string> levels = {ctx.t("services.filing.all_levels"),
                                           ctx.t("services.filing.level_xa"),
                                           ctx.t("services.filing.level_tinh")};
  changed |=
      ui::combo(ctx, "services.filing.level", ctx.t("services.filing.level"), level_, levels);
  if (ui::button(ctx, "services.filing.find", ctx.t("services.filing.find"),
                 ui::ButtonKind::kPrimary, width) ||
      changed)
    search(ctx);
  if (!error_.empty() &&
      payments_ui::error_with_retry(ctx, "services.filing.error", error_, true, width))
    search(ctx);
  if (list_.waiting()) {
    ui::paragraph(ctx, "services.filing.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (loaded_ && items_.empty())
    ui::paragraph(ctx, "services.filing.empty", ctx.t("services.filing.empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "services.filing.item." + std::to_string(i++);
    std::string title = api::str(item, "name");
    if (api::boolean(item, "sample"))
      title = "[" + std::string(ctx.t("services.filing.sample")) + "] " + title;
    const std::string line = filing_agency_text(ctx, agencies_, api::str(item, "agency")) + " · " +
                             filing_days_text(ctx, api::integer(item, "processing_days")) + " · " +
                             filing_fee_text(ctx, feedback_ui::member(item, "fee_vnd"));
    if (feedback_ui::card(ctx, id.c_str(), title, line))
      ctx.nav.go(core::services_route(core::ServicesPage::kProcedure, api::str(item, "code")));
  }
  if (more_.waiting()) {
    ui::paragraph(ctx, "services.filing.more_loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (!next_cursor_.empty() &&
             ui::button(ctx, "services.filing.more", ctx.t("services.filing.more"),
                        ui::ButtonKind::kSecondary, width)) {
    more_.start(ctx, "GET", path(next_cursor_));
  }
}

}  // namespace cdscb::app::screens
