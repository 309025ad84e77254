// The public list (and map) of published feedback: anyone may browse it, filter by field, status
// and commune, and search; no personal data.
#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/messages.h"

namespace cdscb::server::feedback {
namespace {

// Rows read per round while a search filters them here (the folding is not SQL's to do).
constexpr long long kScanBatch = 200;

http::Response public_list(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto viewer = deps.sessions.authenticate(sql, request);
  http::FieldErrors errors;
  const Page page = read_page(request, errors);
  const std::string field(request.query_param("field").value_or(""));
  const std::string status(request.query_param("status").value_or(""));
  const std::string commune(request.query_param("commune").value_or(""));
  const std::string query = core::fold_for_search(request.query_param("q").value_or(""));
  if (!status.empty() && !core::find_feedback_status(status)) {
    errors.add("status", messages::kStatusUnknown);
  }
  errors.throw_if_any();
  const std::string any_field = field.empty() ? "1" : "0";
  const std::string any_status = status.empty() ? "1" : "0";
  const std::string any_commune = commune.empty() ? "1" : "0";
  const long long now = now_seconds(deps);

  std::vector<Feedback> found;
  long long before = page.after > 0 ? page.after : std::numeric_limits<long long>::max();
  bool exhausted = false;
  while (static_cast<long long>(found.size()) <= page.limit && !exhausted) {
    const long long batch = query.empty() ? page.limit + 1 : kScanBatch;
    std::vector<long long> ids;
    long long id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT id FROM feedback WHERE published = 1 AND id < :before "
                        "AND (:any_field = '1' OR field = :field) "
                        "AND (:any_status = '1' OR status = :status) "
                        "AND (:any_commune = '1' OR commune = :commune) "
                        "ORDER BY id DESC LIMIT :batch",
         soci::use(before), soci::use(any_field), soci::use(field), soci::use(any_status),
         soci::use(status), soci::use(any_commune), soci::use(commune), soci::use(batch),
         soci::into(id));
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
    exhausted = static_cast<long long>(ids.size()) < batch;
    for (const long long feedback_id : ids) {
      before = feedback_id;
      auto feedback = find_feedback(sql, feedback_id);
      if (!feedback) continue;
      if (!query.empty()) {
        const std::string haystack = core::fold_for_search(
            feedback->title + " " + feedback->content + " " + feedback->address.value_or(""));
        if (haystack.find(query) == std::string::npos) continue;
      }
      found.push_back(std::move(*feedback));
      if (static_cast<long long>(found.size()) > page.limit) break;
    }
  }
  const bool more = static_cast<long long>(found.size()) > page.limit;
  if (more) found.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const Feedback& feedback : found) {
    items.push_back(feedback_json(sql, deps, feedback, View::kPublic, viewer, now, false));
  }
  return http::Response::json(
      200,
      {{"items", items}, {"next_cursor", cursor_json(more, found.empty() ? 0 : found.back().id)}});
}

}  // namespace

void register_list_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/public/feedback",
             [deps](const http::Request& request) { return public_list(deps, request); });
}

}  // namespace cdscb::server::feedback
