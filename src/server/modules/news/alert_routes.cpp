// Urgent notices (flood, landslide, storm): shown as a banner in the app until they expire.
#include <soci/soci.h>

#include <chrono>

#include "core/news.h"
#include "core/text.h"
#include "core/time_text.h"
#include "http/json_body.h"
#include "modules/news/messages.h"
#include "modules/news/routes.h"
#include "util/strings.h"
#include "util/time.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kTitleMax = 120;
constexpr std::size_t kTextMax = 1000;
constexpr long long kLongestAlert = 30LL * 24 * 3600;
// The banner shows a handful; more at once is a mistake or abuse, so creating one past this many
// current alerts is refused, and the list never carries more (messages::kTooManyAlerts says 20).
constexpr long long kMaxCurrentAlerts = 20;

std::string time_text(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

struct Alert {
  long long id = 0;
  std::string kind, title, text;
  long long starts_at = 0, expires_at = 0;
  long long article_id = 0;
  soci::indicator article_indicator = soci::i_null;
};

nlohmann::json alert_json(const Alert& alert) {
  return {{"id", alert.id},
          {"kind", alert.kind},
          {"title", alert.title},
          {"text", alert.text},
          {"starts_at", time_text(alert.starts_at)},
          {"expires_at", time_text(alert.expires_at)},
          {"article_id", alert.article_indicator == soci::i_ok ? nlohmann::json(alert.article_id)
                                                               : nlohmann::json(nullptr)}};
}

std::vector<Alert> current_alerts(soci::session& sql, long long now) {
  std::vector<Alert> alerts;
  Alert row;
  soci::statement statement =
      (sql.prepare << "SELECT id, kind, title, text, starts_at, expires_at, article_id "
                      "FROM news_alerts WHERE starts_at <= :now AND expires_at > :now2 "
                      "ORDER BY starts_at DESC, id DESC LIMIT :max",
       soci::use(now), soci::use(now), soci::use(kMaxCurrentAlerts), soci::into(row.id),
       soci::into(row.kind), soci::into(row.title), soci::into(row.text), soci::into(row.starts_at),
       soci::into(row.expires_at), soci::into(row.article_id, row.article_indicator));
  statement.execute();
  while (statement.fetch()) alerts.push_back(row);
  return alerts;
}

http::Response list_alerts(const NewsDeps& deps) {
  soci::session sql(deps.database.pool());
  nlohmann::json items = nlohmann::json::array();
  for (const Alert& alert : current_alerts(sql, now_seconds(deps)))
    items.push_back(alert_json(alert));
  http::Response response = http::Response::json(200, {{"items", items}});
  // An expired alert must not linger in a cache.
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

http::Response create_alert(const NewsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto user = require_official(deps, sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const long long now = now_seconds(deps);
  Alert alert;
  alert.starts_at = now;
  alert.kind = http::string_field(body, "kind", errors).value_or("");
  if (!errors.has("kind") && !core::is_alert_kind(alert.kind)) {
    errors.add("kind", messages::kAlertKindInvalid);
  }
  alert.title = std::string(util::trim(http::string_field(body, "title", errors).value_or("")));
  if (!errors.has("title")) {
    if (alert.title.empty()) {
      errors.add("title", messages::kTitleRequired);
    } else if (core::count_code_points(alert.title) > kTitleMax) {
      errors.add("title", messages::kAlertTitleTooLong);
    }
  }
  alert.text = std::string(util::trim(http::string_field(body, "text", errors).value_or("")));
  if (!errors.has("text")) {
    if (alert.text.empty()) {
      errors.add("text", messages::kAlertTextRequired);
    } else if (core::count_code_points(alert.text) > kTextMax) {
      errors.add("text", messages::kAlertTextTooLong);
    }
  }
  const auto expires = http::string_field(body, "expires_at", errors);
  if (expires) {
    const auto seconds = core::parse_rfc3339(*expires);
    if (!seconds) {
      errors.add("expires_at", messages::kExpiresInvalid);
    } else if (*seconds <= now) {
      errors.add("expires_at", messages::kExpiresPast);
    } else if (*seconds > now + kLongestAlert) {
      errors.add("expires_at", messages::kExpiresTooFar);
    } else {
      alert.expires_at = *seconds;
    }
  }
  if (body.contains("article_id") && !body["article_id"].is_null()) {
    const auto& value = body["article_id"];
    int found = 0;
    if (value.is_number_integer()) {
      alert.article_id = value.get<long long>();
      sql << "SELECT COUNT(*) FROM news_articles WHERE id = :id", soci::use(alert.article_id),
          soci::into(found);
    }
    if (found == 0) {
      errors.add("article_id", messages::kArticleUnknown);
    } else {
      alert.article_indicator = soci::i_ok;
    }
  }
  errors.throw_if_any();
  int current = 0;
  sql << "SELECT COUNT(*) FROM news_alerts WHERE starts_at <= :now AND expires_at > :now2",
      soci::use(now), soci::use(now), soci::into(current);
  if (current >= kMaxCurrentAlerts) {
    throw http::HttpError(409, "too_many_alerts", messages::kTooManyAlerts);
  }
  sql << "INSERT INTO news_alerts (kind, title, text, starts_at, expires_at, article_id, "
         "created_by, created_at) VALUES (:kind, :title, :text, :starts_at, :expires_at, "
         ":article_id, :created_by, :created_at) RETURNING id",
      soci::use(alert.kind), soci::use(alert.title), soci::use(alert.text),
      soci::use(alert.starts_at), soci::use(alert.expires_at),
      soci::use(alert.article_id, alert.article_indicator), soci::use(user.id), soci::use(now),
      soci::into(alert.id);
  return http::Response::json(201, {{"alert", alert_json(alert)}});
}

http::Response delete_alert(const NewsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  require_official(deps, sql, request);
  long long id = 0;
  try {
    id = path_id(request);
  } catch (const http::HttpError&) {
    throw http::HttpError(404, "not_found", messages::kAlertNotFound);
  }
  soci::statement statement =
      (sql.prepare << "DELETE FROM news_alerts WHERE id = :id", soci::use(id));
  statement.execute(true);
  if (statement.get_affected_rows() == 0) {
    throw http::HttpError(404, "not_found", messages::kAlertNotFound);
  }
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace

void register_alert_routes(http::Router& router, const NewsDeps& deps) {
  router.get("/api/v1/alerts", [deps](const http::Request&) { return list_alerts(deps); });
  router.post("/api/v1/alerts",
              [deps](const http::Request& request) { return create_alert(deps, request); });
  router.del("/api/v1/alerts/{id}",
             [deps](const http::Request& request) { return delete_alert(deps, request); });
}

}  // namespace cdscb::server::news
