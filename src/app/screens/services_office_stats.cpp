#include "app/screens/services_office_stats.h"

#include <cmath>
#include <cstdio>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

// [from, to] of a period as "YYYY-MM-DD", both included, from today in Vietnam.
std::pair<std::string, std::string> period_days(int period) {
  const std::string today = office_ui::vietnam_today();
  int year = std::atoi(today.substr(0, 4).c_str());
  int month = std::atoi(today.substr(5, 2).c_str());
  char from[16], to[16];
  if (period == 2) {
    std::snprintf(from, sizeof from, "%04d-01-01", year);
    return {from, today};
  }
  if (period == 0) {
    std::snprintf(from, sizeof from, "%04d-%02d-01", year, month);
    return {from, today};
  }
  if (--month == 0) {
    month = 12;
    --year;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = kDays[month - 1];
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) last = 29;
  std::snprintf(from, sizeof from, "%04d-%02d-01", year, month);
  std::snprintf(to, sizeof to, "%04d-%02d-%02d", year, month, last);
  return {from, to};
}

std::string number(const nlohmann::json& j, const char* key) {
  return std::to_string(api::integer(j, key));
}

// 6.5 → "6,5", 6.0 → "6": Vietnamese decimals.
std::string decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string s = text;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

// 30.5 hours → "1 ngày 6,5 giờ" (calendar time between filing and the result).
std::string duration_text(AppContext& ctx, double hours) {
  const long long days = static_cast<long long>(hours / 24);
  const double rest = std::round((hours - days * 24.0) * 10) / 10;
  const std::string hs = decimal(rest);
  std::string text;
  if (days > 0) text = std::to_string(days) + " " + ctx.t("services.office.days_unit") + " ";
  return text + hs + " " + ctx.t("services.office.hours_unit");
}

}  // namespace

void ServicesOfficeStats::enter(AppContext& ctx) {
  const auto& user = ctx.session.user();
  if (user && user->admin()) agencies_.refresh(ctx.api, ctx.replies);
  load(ctx);
}

void ServicesOfficeStats::load(AppContext& ctx) {
  const auto [from, to] = period_days(period_);
  std::string path = "/api/v1/officer/dossiers/stats?from=" + from + "&to=" + to;
  if (agency_ >= 0) path += "&agency=" + agencies_.code_at(agency_);
  call_.start(ctx.api, "GET", path);
}

void ServicesOfficeStats::draw(AppContext& ctx, float width) {
  agencies_.take(ctx.api, ctx.replies);
  if (auto body = office_ui::take_json(ctx, call_, error_)) stats_ = *body;
  const std::vector<std::string> periods = {ctx.t("services.office.this_month"),
                                            ctx.t("services.office.last_month"),
                                            ctx.t("services.office.this_year")};
  if (office_ui::chips(ctx, "services.office.period", periods, period_)) load(ctx);
  const auto& user = ctx.session.user();
  if (user && user->admin()) {
    std::vector<std::string> names = agencies_.names();
    if (ui::combo(ctx, "services.office.stats_agency", ctx.t("services.office.agency"), agency_,
                  names, ctx.t("services.office.every_agency")))
      load(ctx);
  }
  if (!error_.empty()) ui::status_banner(ctx, "services.office.stats_error", error_.c_str());
  if (!stats_.is_object()) {
    if (call_.waiting())
      ui::paragraph(ctx, "services.office.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  const auto [from, to] = period_days(period_);
  const std::string range = core::vietnam_day_text(from) + " – " + core::vietnam_day_text(to);
  ui::paragraph(ctx, "services.office.range", range.c_str(), ui::Theme::kMutedText);
  using feedback_ui::fact;
  fact(ctx, "services.office.stat.filed", ctx.t("services.office.stat.filed"),
       number(stats_, "filed"));
  fact(ctx, "services.office.stat.received", ctx.t("services.office.stat.received"),
       number(stats_, "received"));
  fact(ctx, "services.office.stat.returned", ctx.t("services.office.stat.returned"),
       number(stats_, "returned"));
  fact(ctx, "services.office.stat.on_time", ctx.t("services.office.stat.on_time"),
       number(stats_, "on_time"));
  fact(ctx, "services.office.stat.late", ctx.t("services.office.stat.late"),
       number(stats_, "late"));
  fact(ctx, "services.office.stat.overdue_open", ctx.t("services.office.stat.overdue_open"),
       number(stats_, "overdue_open"));
  const auto& hours = stats_["average_processing_hours"];
  fact(ctx, "services.office.stat.average", ctx.t("services.office.stat.average"),
       hours.is_number() ? duration_text(ctx, hours.get<double>())
                         : std::string(ctx.t("services.office.stat.none")));
  const auto& s = feedback_ui::member(stats_, "satisfaction");
  std::string satisfaction = ctx.t("services.office.stat.none");
  if (api::integer(s, "rated") > 0 && s.contains("average_score") &&
      s["average_score"].is_number()) {
    satisfaction = decimal(s["average_score"].get<double>()) + "/" + number(s, "max_score") + " (" +
                   number(s, "rated") + " " + ctx.t("services.office.stat.ratings") + ")";
  }
  fact(ctx, "services.office.stat.satisfaction", ctx.t("services.office.stat.satisfaction"),
       satisfaction);
  (void)width;
}

}  // namespace cdscb::app::screens
