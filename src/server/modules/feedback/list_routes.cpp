// The public list (and map) of published feedback: anyone may browse it, filter by field, status
// and commune, and search; no personal data.
#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "db/database.h"
#include "db/like.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/id_query.h"
#include "modules/feedback/messages.h"

namespace cdscb::server::feedback {
namespace {

// The trigram tokenizer indexes three characters at a time: shorter queries cannot use it.
constexpr std::size_t kTrigram = 3;

// `text` as one FTS5 phrase: inside double quotes every character is literal, a quote doubled.
std::string fts_phrase(const std::string& text) {
  std::string phrase = "\"";
  for (const char c : text) {
    phrase += c;
    if (c == '"') phrase += '"';
  }
  return phrase + "\"";
}

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
  // search matches the folded query anywhere in the folded title, content and address, through
  // the trigram index (db/schema/feedback_text_index.cpp): on SQLite the FTS5 table gives the
  // matching ids newest first and the page stops after `limit` published ones; PostgreSQL's
  // planner takes the GIN index for the LIKE itself. A query of fewer than three characters has
  // no trigram: it scans, as before. With a field, status or commune given, SQLite walks that
  // filter's index instead (a bounded share of the rows): a common word ("sat lo") in one commune
  // would otherwise read every match in the province, 24 requests a second against 355 with
  // 100,000 rows (tests/load/feedback_queries.sh).
  const bool filtered = !field.empty() || !status.empty() || !commune.empty();
  const bool text_index = deps.database.backend() == db::Backend::kSqlite && !filtered &&
                          core::count_code_points(query) >= kTrigram;
  IdQuery select(text_index ? "SELECT f.id FROM feedback_text JOIN feedback f ON f.id = "
                              "feedback_text.rowid WHERE feedback_text MATCH :phrase AND "
                              "f.published = 1"
                            : "SELECT id FROM feedback f WHERE published = 1");
  if (text_index) select.add("", fts_phrase(query));
  if (page.after > 0) {
    select.add(text_index ? " AND feedback_text.rowid < :before" : " AND f.id < :before",
               page.after);
  }
  if (!field.empty()) select.add(" AND f.field = :field", field);
  if (!status.empty()) select.add(" AND f.status = :status", status);
  if (!commune.empty()) select.add(" AND f.commune = :commune", commune);
  if (!query.empty() && !text_index) {
    select.add(" AND f.search_text LIKE :pattern ESCAPE '!'", db::like_contains(query));
  }
  select.add(text_index ? " ORDER BY feedback_text.rowid DESC" : " ORDER BY f.id DESC");
  select.add(" LIMIT :fetch", page.limit + 1);
  std::vector<long long> ids = select.run(sql);
  const bool more = static_cast<long long>(ids.size()) > page.limit;
  if (more) ids.pop_back();
  const nlohmann::json items = feedback_list_json(sql, deps, ids, View::kPublic, viewer, now);
  return http::Response::json(
      200, {{"items", items}, {"next_cursor", cursor_json(more, ids.empty() ? 0 : ids.back())}});
}

}  // namespace

void register_list_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/public/feedback",
             [deps](const http::Request& request) { return public_list(deps, request); });
}

}  // namespace cdscb::server::feedback
