// Every list answers a page in a fixed number of SQL statements, whatever the page's size (issue
// 14): each list route is called with a page of 20 and, after more rows are added, a page of 100;
// the statements each request ran (db/statement_count.h) must be the same and few. The routes with
// no ?limit= (the map, Open311 requests.json) answer every row up to their cap, so their two calls
// compare ~25 rows with ~125.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "db/statement_count.h"
#include "modules/authz_world.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

// A request's session lookup and its list: more than this is a per-item query.
constexpr long long kMaxStatements = 12;

// Copies of the row of `table` that `where` selects, `count` times: `unique` (a text key) gets a
// suffix, and `set` gives other columns an SQL expression instead of the copied value.
void clone_rows(db::Database& database, const std::string& table, const std::string& where,
                const std::string& unique, int count,
                const std::map<std::string, std::string>& set = {}) {
  soci::session sql(database.pool());
  std::vector<std::string> columns;
  {
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT * FROM " + table + " WHERE " + where);
    const auto first = rows.begin();
    REQUIRE_MESSAGE(first != rows.end(), table << " has no row where " << where);
    for (std::size_t i = 0; i < first->size(); ++i) {
      const std::string name = first->get_properties(i).get_name();
      if (name != "id") columns.push_back(name);
    }
  }
  static int copies = 0;
  for (int n = 0; n < count; ++n) {
    std::string names, values;
    for (const std::string& column : columns) {
      names += (names.empty() ? "" : ", ") + column;
      std::string value = column;
      if (column == unique) value = column + " || '-" + std::to_string(++copies) + "'";
      if (const auto it = set.find(column); it != set.end()) value = it->second;
      values += (values.empty() ? "" : ", ") + value;
    }
    sql << "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table +
               " WHERE " + where;
  }
}

struct Measured {
  long long statements = 0;
  std::size_t items = 0;
};

Measured measure(AuthzWorld& world, const std::string& target, const std::string& cookie) {
  const long long before = db::statements_on_this_thread();
  const http::Response response = world.call("GET", target, "", cookie);
  const long long statements = db::statements_on_this_thread() - before;
  REQUIRE_MESSAGE(response.status == 200, target << ": " << response.body);
  const auto body = nlohmann::json::parse(response.body);
  const nlohmann::json* items = &body;
  for (const char* key : {"items", "orders", "cameras", "records", "articles", "notifications"}) {
    if (body.is_object() && body.contains(key)) items = &body[key];
  }
  REQUIRE_MESSAGE(items->is_array(), target << ": no list in " << response.body.substr(0, 200));
  return {statements, items->size()};
}

struct ListRoute {
  std::string path;    // with "?" or "&" last, for the limit to follow
  std::string caller;  // "author", "anonymous", "officer" (records' agency), "admin"
  bool paged = true;   // takes ?limit=
};

}  // namespace

TEST_CASE("each list page runs the same few statements for 20 items as for 100") {
  AuthzWorld world;
  const Fixtures fixtures = world.fresh_fixtures();
  const auto cookie = [&](const std::string& caller) -> std::string {
    if (caller == "author") return fixtures.values.at("author_cookie");
    if (caller == "officer") return fixtures.cookies.at(Caller::kOfficerSame);
    if (caller == "admin") return fixtures.cookies.at(Caller::kAdmin);
    return "";
  };
  const std::vector<ListRoute> routes = {
      {"/api/v1/feedback/mine?", "author"},
      {"/api/v1/public/feedback?", "anonymous"},
      {"/api/v1/public/feedback?field=giao-thong&", "author"},
      {"/api/v1/public/feedback/map?bbox=105.25,22.35,106.85,23.15&", "anonymous", false},
      {"/api/v1/officer/feedback?", "officer"},
      {"/api/v1/officer/feedback?", "admin"},
      {"/api/v1/notifications?", "author"},
      {"/open311/v2/requests.json?", "anonymous", false},
      {"/api/v1/news?", "anonymous"},
      {"/api/v1/officer/news?", "officer"},
      {"/api/v1/directory?", "anonymous"},
      {"/api/v1/dossiers/mine?", "author"},
      {"/api/v1/officer/dossiers?", "officer"},
      {"/api/v1/payments/orders?", "author"},
      {"/api/v1/cameras?", "anonymous"},
  };
  const std::string feedback = fixtures.values.at("feedback");
  const auto add_rows = [&](int count) {
    db::Database& database = world.database();
    clone_rows(database, "feedback", "id = " + feedback, "", count, {{"published", "1"}});
    soci::session sql(database.pool());
    long long author = 0;
    sql << "SELECT user_id FROM feedback WHERE id = " + feedback, soci::into(author);
    for (int i = 0; i < count; ++i) {
      sql << "INSERT INTO notifications (user_id, feedback_id, text, created_at) VALUES (:user, "
             ":feedback, 'Phản ánh đã được tiếp nhận.', 1764640800)",
          soci::use(author), soci::use(std::stoll(feedback));
    }
    clone_rows(database, "news_articles", "id = " + fixtures.values.at("article"), "guid", count,
               {{"published", "1"}, {"published_at", "created_at"}});
    clone_rows(database, "directory_records", "code = '" + fixtures.values.at("directory") + "'",
               "code", count);
    clone_rows(database, "dossiers", "code = '" + fixtures.values.at("dossier") + "'", "code",
               count);
    clone_rows(database, "payment_orders", "code = '" + fixtures.values.at("order") + "'", "code",
               count);
    clone_rows(database, "cameras", "code = 'cb-cam-01'", "code", count);
  };

  add_rows(25);
  std::vector<Measured> small;
  for (const ListRoute& route : routes) {
    small.push_back(measure(world, route.path + "limit=20", cookie(route.caller)));
  }
  add_rows(100);
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const ListRoute& route = routes[i];
    const Measured large = measure(world, route.path + "limit=100", cookie(route.caller));
    CAPTURE(route.path);
    CAPTURE(route.caller);
    MESSAGE(route.path << " (" << route.caller << "): " << small[i].statements << " statements for "
                       << small[i].items << " items, " << large.statements << " for "
                       << large.items);
    if (route.paged) CHECK(small[i].items == 20);
    if (!route.paged) CHECK(large.items > 100);
    CHECK(large.items > small[i].items);  // pages of 100 (50 where a list allows no more)
    CHECK(large.statements == small[i].statements);
    CHECK(large.statements <= kMaxStatements);
  }
}
