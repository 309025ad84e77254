// The public list (and map) of published feedback: anyone may browse it, filter by field, status
// and commune, and search; no personal data.
#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "db/like.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/id_query.h"
#include "modules/feedback/messages.h"

namespace cdscb::server::feedback {
namespace {

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
  const long long now = now_seconds(deps);

  // Newest first from the cursor on; each filter given adds its condition, so SQL walks the
  // (published, field|status|commune, id) index that fits (db/schema/feedback_search.cpp). The
  // search matches the folded query anywhere in the folded title, content and address.
  IdQuery select("SELECT id FROM feedback WHERE published = 1");
  if (page.after > 0) select.add(" AND id < :before", page.after);
  if (!field.empty()) select.add(" AND field = :field", field);
  if (!status.empty()) select.add(" AND status = :status", status);
  if (!commune.empty()) select.add(" AND commune = :commune", commune);
  if (!query.empty()) {
    select.add(" AND search_text LIKE :pattern ESCAPE '!'", db::like_contains(query));
  }
  select.add(" ORDER BY id DESC LIMIT :fetch", page.limit + 1);
  std::vector<long long> ids = select.run(sql);
  const bool more = static_cast<long long>(ids.size()) > page.limit;
  if (more) ids.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const long long id : ids) {
    if (const auto feedback = find_feedback(sql, id)) {
      items.push_back(feedback_json(sql, deps, *feedback, View::kPublic, viewer, now, false));
    }
  }
  return http::Response::json(
      200, {{"items", items}, {"next_cursor", cursor_json(more, ids.empty() ? 0 : ids.back())}});
}

}  // namespace

void register_list_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/public/feedback",
             [deps](const http::Request& request) { return public_list(deps, request); });
}

}  // namespace cdscb::server::feedback
