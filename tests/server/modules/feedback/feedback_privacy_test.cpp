// Private feedback stays private (issue 10): another citizen, and someone signed out, walk ids
// 1…N through every feedback route and learn nothing of unpublished feedback: no answer carries
// its title, content, address, notes, answer, photo or coordinates, and for every route an
// unpublished id answers exactly as a missing one. "Phản ánh tương tự" tells a neighbour only
// field, status, day and a coarse distance, with a token to follow it; following it shows how
// its status changes, and nothing more.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "integrations/media_test_support.h"
#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

// One seeded feedback: what it says (each part a string found nowhere else) and where it is.
struct Seeded {
  long long id = 0;
  std::string field;
  double lat = 0, lng = 0;
  std::vector<std::string> markers;
};

// The coordinate as a leak would show it, to 4 decimals (~11 m); every seeded point differs there.
std::string coordinate_prefix(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", value);
  return std::string(text).substr(0, std::string(text).find('.') + 5);
}

struct Scene {
  FeedbackHarness h;
  std::string author = h.citizen("0987654321", "Nông Văn Dũng");
  std::string officer = h.official("officer", "0900000102", "so-xay-dung", "Trần Văn Bình");
  std::string land_officer =
      h.official("officer", "0900000104", "so-nong-nghiep-moi-truong", "Hà Thị Liên");
  std::string stranger = h.citizen("0912345678", "Lý Thị Mai");
  std::vector<Seeded> hidden;
  Seeded shown;  // published: the walk must find it, or it proves nothing

  Seeded seed(int n, const std::string& field, double lat, double lng, const json& extra = {}) {
    const std::string tag = "Mk" + std::to_string(n) + "Qzv";
    Seeded s{.field = field, .lat = lat, .lng = lng, .markers = {}};
    json body = {{"title", "Tiêu đề " + tag + "T riêng tư"},
                 {"content", "Nội dung " + tag + "C chỉ cơ quan được đọc, không ai khác."},
                 {"field", field},
                 {"address", "Ngõ " + tag + "A"},
                 {"location", {{"lat", lat}, {"lng", lng}}}};
    if (extra.is_object()) body.update(extra);
    const json created = h.create(author, body);
    s.id = created["id"];
    s.markers = {tag + "T", tag + "C", tag + "A", coordinate_prefix(lat), coordinate_prefix(lng)};
    for (const auto& photo : body.value("photos", json::array())) s.markers.push_back(photo);
    return s;
  }
  void act(const Seeded& s, const json& body, const std::string& who) {
    const auto response = h.act(s.id, body, who);
    REQUIRE_MESSAGE(response.status == 200, response.body);
  }

  Scene() {
    // Unpublished feedback in every state a neighbour might meet, each with notes of its own.
    const auto photo = h.upload("0987654321", make_jpeg(641, 481));
    for (int i = 0; i < 6; ++i) {
      const std::string field = i == 3 ? "dat-dai" : "giao-thong";
      json extra = i == 2 ? json{{"photos", {photo.id}}} : json::object();
      hidden.push_back(
          seed(i, field, 22.6610077 + i * 0.000413, 106.2510031 + i * 0.000377, extra));
    }
    const auto note = [](int i) { return "Ghi chú Mk" + std::to_string(i) + "Qzv" + "N"; };
    for (int i : {1, 2, 4, 5}) hidden[i].markers.push_back(note(i));
    act(hidden[1], {{"action", "receive"}, {"note", note(1)}}, officer);
    act(hidden[2], {{"action", "receive"}}, officer);
    act(hidden[2], {{"action", "start"}, {"note", note(2)}}, officer);
    // "Đất đai" is not published by default: resolved, it stays private with its answer.
    act(hidden[3], {{"action", "receive"}}, land_officer);
    act(hidden[3], {{"action", "resolve"}, {"note", "Trả lời Mk3QzvR"}}, land_officer);
    hidden[3].markers.push_back("Mk3QzvR");
    act(hidden[4], {{"action", "publish"}}, officer);
    act(hidden[4], {{"action", "receive"}, {"note", note(4)}}, officer);
    act(hidden[4], {{"action", "unpublish"}}, officer);
    act(hidden[5], {{"action", "reject"}, {"note", note(5)}}, officer);
    shown = seed(9, "giao-thong", 22.6702, 106.2603);
    act(shown, {{"action", "publish"}}, officer);
  }

  std::vector<std::string> all_markers() const {
    std::vector<std::string> out;
    for (const Seeded& s : hidden) out.insert(out.end(), s.markers.begin(), s.markers.end());
    return out;
  }
};

// The id routes, each as (method, path, body) for an id.
struct IdRoute {
  std::string method, path;
  json body;
};
std::vector<IdRoute> id_routes(long long id) {
  const std::string f = "/api/v1/feedback/" + std::to_string(id);
  const std::string n = std::to_string(id);
  return {{"GET", f, nullptr},
          {"POST", f + "/follow", json::object()},
          {"DELETE", f + "/follow", nullptr},
          {"POST", f + "/rating", {{"stars", 5}}},
          {"POST", f + "/reopen", {{"reason", "Vẫn còn"}}},
          {"POST", f + "/actions", {{"action", "receive"}}},
          {"GET", "/api/v1/officer/colleagues?feedback=" + n, nullptr},
          {"GET", "/open311/v2/requests/" + n + ".json", nullptr},
          {"GET", "/open311/v2/tokens/" + n + ".json", nullptr},
          {"GET", "/open311/v2/requests.json?service_request_id=" + n, nullptr}};
}

cdscb::server::http::Response call(FeedbackHarness& h, const IdRoute& route,
                                   const std::string& cookie) {
  return h.call(route.method, route.path, route.body.is_null() ? "" : route.body.dump(),
                {.cookie = cookie});
}

// Every body a caller gets from the feedback routes that take no id.
std::vector<std::string> list_bodies(Scene& s, const std::string& cookie) {
  std::vector<std::string> bodies;
  const auto get = [&](const std::string& path) {
    bodies.push_back(s.h.get(path, {.cookie = cookie}).body);
  };
  for (const Seeded& item : s.hidden) {
    char query[160];
    std::snprintf(query, sizeof query, "/api/v1/feedback/similar?field=%s&lat=%.7f&lng=%.7f",
                  item.field.c_str(), item.lat, item.lng);
    get(query);
  }
  get("/api/v1/feedback/following");
  get("/api/v1/feedback/mine");
  get("/api/v1/notifications");
  get("/api/v1/public/feedback?limit=100");
  get("/api/v1/public/feedback?q=Mk");
  get("/api/v1/public/feedback/map?bbox=105.2,22.3,106.9,23.2");
  get("/open311/v2/requests.json");
  get("/api/v1/officer/feedback");
  get("/api/v1/me/export");
  return bodies;
}

void check_no_marker(const std::vector<std::string>& bodies,
                     const std::vector<std::string>& markers, const std::string& who) {
  for (const std::string& body : bodies) {
    for (const std::string& marker : markers) {
      CHECK_MESSAGE(body.find(marker) == std::string::npos,
                    who << " learns " << marker << " from " << body);
    }
  }
}

// Walks ids 1 … past the last through every id route as `cookie`: an unpublished id answers
// exactly as a missing one, and no answer carries a marker. Returns every body seen.
std::vector<std::string> walk_ids(Scene& s, const std::string& cookie, const std::string& who) {
  std::vector<std::string> bodies;
  std::set<long long> hidden_ids;
  for (const Seeded& item : s.hidden) hidden_ids.insert(item.id);
  const long long missing = 9999;
  for (long long id = 1; id <= s.shown.id + 2; ++id) {
    const auto routes = id_routes(id);
    const auto baseline = id_routes(missing);
    for (std::size_t r = 0; r < routes.size(); ++r) {
      const auto answer = call(s.h, routes[r], cookie);
      bodies.push_back(answer.body);
      if (!hidden_ids.count(id)) continue;
      const auto as_missing = call(s.h, baseline[r], cookie);
      CHECK_MESSAGE(answer.status == as_missing.status,
                    who << " " << routes[r].method << " " << routes[r].path);
      CHECK_MESSAGE(answer.body == as_missing.body,
                    who << " " << routes[r].method << " " << routes[r].path);
    }
  }
  check_no_marker(bodies, s.all_markers(), who);
  return bodies;
}

bool any_contains(const std::vector<std::string>& bodies, const std::string& text) {
  for (const auto& body : bodies)
    if (body.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("walking ids as another citizen or signed out learns nothing of unpublished feedback") {
  Scene s;
  // Signed out: "Phản ánh tương tự" is for signed-in citizens only.
  CHECK(s.h.get("/api/v1/feedback/similar?field=giao-thong&lat=22.6610&lng=106.2510").status ==
        401);

  // The stranger asks "Phản ánh tương tự" next to each, and follows whatever it offers.
  std::set<std::string> tokens;
  for (const Seeded& item : s.hidden) {
    char query[160];
    std::snprintf(query, sizeof query, "/api/v1/feedback/similar?field=%s&lat=%.7f&lng=%.7f",
                  item.field.c_str(), item.lat, item.lng);
    const auto answer = s.h.get(query, {.cookie = s.stranger});
    REQUIRE_MESSAGE(answer.status == 200, answer.body);
    const json body = body_of(answer);  // kept: a range-for over a temporary's part dangles
    for (const json& found : body["items"]) {
      if (found.contains("id")) continue;  // published, shown as in the public list
      std::set<std::string> keys;
      for (const auto& [key, value] : found.items()) keys.insert(key);
      CHECK(keys == std::set<std::string>{"date", "distance_m", "field", "follow_token",
                                          "following", "published", "status", "status_label"});
      CHECK(std::fmod(found["distance_m"].get<double>(), 50) == 0);
      CHECK(found["date"].get<std::string>().size() == 10);  // a day, not a moment
      tokens.insert(found["follow_token"].get<std::string>());
    }
  }
  // Open ones nearby: 0, 1, 2, 4 (3 and 5 are closed, never offered).
  REQUIRE(tokens.size() == 4);
  for (const std::string& token : tokens) {
    const auto followed =
        s.h.post("/api/v1/feedback/following", {{"token", token}}, {.cookie = s.stranger});
    REQUIRE_MESSAGE(followed.status == 200, followed.body);
    CHECK_FALSE(body_of(followed)["item"].contains("id"));
  }
  CHECK(s.h.post("/api/v1/feedback/following", {{"token", "AAAAAAAAAAAAAAAAAAAAAA"}},
                 {.cookie = s.stranger})
            .status == 404);
  // Officials act on them after the stranger followed: notifications name no title, link no id.
  s.act(s.hidden[0], {{"action", "receive"}, {"note", "Ghi chú Mk0QzvN"}}, s.officer);
  s.hidden[0].markers.push_back("Mk0QzvN");
  s.act(s.hidden[1], {{"action", "start"}}, s.officer);
  const json notes = body_of(s.h.get("/api/v1/notifications", {.cookie = s.stranger}));
  REQUIRE(notes["items"].size() == 2);
  CHECK(notes["items"][0]["feedback_id"].is_null());
  const std::string text = notes["items"][0]["text"];
  CHECK(text.starts_with("Phản ánh bạn theo dõi (Giao thông, gửi ngày "));
  CHECK(text.ends_with("): Đang xử lý."));

  // What the follower sees: field, status and day, and how the status went.
  const json following = body_of(s.h.get("/api/v1/feedback/following", {.cookie = s.stranger}));
  REQUIRE(following["items"].size() == 4);
  bool saw_progress = false;
  for (const json& item : following["items"]) {
    CHECK_FALSE(item.contains("id"));
    std::vector<std::string> statuses;
    for (const json& update : item["updates"]) statuses.push_back(update["status"]);
    if (statuses == std::vector<std::string>{"submitted", "received", "in_progress"}) {
      saw_progress = true;
    }
  }
  CHECK(saw_progress);

  for (const auto& [cookie, who] :
       {std::pair<std::string, std::string>{s.stranger, "citizen"}, {"", "anonymous"}}) {
    CAPTURE(who);
    std::vector<std::string> bodies = walk_ids(s, cookie, who);
    const auto lists = list_bodies(s, cookie);
    check_no_marker(lists, s.all_markers(), who);
    bodies.insert(bodies.end(), lists.begin(), lists.end());
    // The walk reaches published feedback, so finding nothing else means something.
    CHECK(any_contains(bodies, "Mk9QzvT"));
    // And no notification links an unpublished id.
    for (const Seeded& item : s.hidden) {
      CHECK_FALSE(any_contains(lists, "\"feedback_id\":" + std::to_string(item.id)));
    }
  }
  // The stranger's follows survived the walk (DELETE /<id>/follow of hidden ids did nothing); the
  // walk's POST /<id>/follow followed the published one, which is shown with its id.
  const json after = body_of(s.h.get("/api/v1/feedback/following", {.cookie = s.stranger}));
  const auto unpublished = std::count_if(after["items"].begin(), after["items"].end(),
                                         [](const json& item) { return !item.contains("id"); });
  CHECK(unpublished == 4);

  // The author and the agency still see everything.
  const auto own =
      s.h.get("/api/v1/feedback/" + std::to_string(s.hidden[2].id), {.cookie = s.author});
  CHECK(own.body.find("Mk2QzvC") != std::string::npos);
  CHECK(own.body.find("Mk2QzvN") != std::string::npos);
  const auto agency =
      s.h.get("/api/v1/feedback/" + std::to_string(s.hidden[0].id), {.cookie = s.officer});
  CHECK(agency.body.find("Mk0QzvA") != std::string::npos);
}

TEST_CASE("a follow token follows and unfollows, and is no id") {
  Scene s;
  const auto answer =
      s.h.get("/api/v1/feedback/similar?field=giao-thong&lat=22.6610077&lng=106.2510031",
              {.cookie = s.stranger});
  REQUIRE(answer.status == 200);
  const json items = body_of(answer)["items"];
  REQUIRE_FALSE(items.empty());
  const json nearest = items[0];
  CHECK(nearest["distance_m"] == 0);
  CHECK(nearest["status"] == "submitted");
  CHECK(nearest["field"]["name"] == "Giao thông");
  const std::string token = nearest["follow_token"];
  // Random, not the id written another way: 22 url-safe characters (16 bytes). A test that the
  // id's digits are absent would fail by chance, since small ids are single digits.
  CHECK(token.size() == 22);
  CHECK(token != std::to_string(s.hidden[0].id));
  // Another citizen asking gets the same token: it names the feedback, not the asker.
  const std::string neighbour = s.h.citizen("0912000111", "Hoàng Văn Tú");
  const json again =
      body_of(s.h.get("/api/v1/feedback/similar?field=giao-thong&lat=22.6610077&lng=106.2510031",
                      {.cookie = neighbour}))["items"][0];
  CHECK(again["follow_token"] == token);
  CHECK(again["following"] == false);

  REQUIRE(
      s.h.post("/api/v1/feedback/following", {{"token", token}}, {.cookie = s.stranger}).status ==
      200);
  // Following twice is still one follow.
  REQUIRE(
      s.h.post("/api/v1/feedback/following", {{"token", token}}, {.cookie = s.stranger}).status ==
      200);
  CHECK(s.h.count_rows("feedback_followers") == 1);
  CHECK(body_of(s.h.get("/api/v1/feedback/similar?field=giao-thong&lat=22.6610077&lng=106.2510031",
                        {.cookie = s.stranger}))["items"][0]["following"] == true);
  // Signed out, neither way works.
  CHECK(s.h.post("/api/v1/feedback/following", {{"token", token}}).status == 401);
  CHECK(s.h.del("/api/v1/feedback/following/" + token).status == 401);
  CHECK(s.h.del("/api/v1/feedback/following/" + token, {.cookie = s.stranger}).status == 204);
  CHECK(s.h.count_rows("feedback_followers") == 0);
  CHECK(s.h.del("/api/v1/feedback/following/not-a-token", {.cookie = s.stranger}).status == 404);

  // Published feedback is followed by id, as before, and listed with it.
  CHECK(s.h.post("/api/v1/feedback/" + std::to_string(s.shown.id) + "/follow", json::object(),
                 {.cookie = s.stranger})
            .status == 204);
  const json list = body_of(s.h.get("/api/v1/feedback/following", {.cookie = s.stranger}));
  REQUIRE(list["items"].size() == 1);
  CHECK(list["items"][0]["id"] == s.shown.id);
  CHECK(list["items"][0]["title"] == "Tiêu đề Mk9QzvT riêng tư");
}
