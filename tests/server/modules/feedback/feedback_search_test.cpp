// The public list's search and filters, done in SQL on the folded search_text column, and the
// officer queue read tier by tier: same answers as before, including across pages.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/feedback/feedback_harness.h"
#include "modules/feedback/routes.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

struct Public {
  FeedbackHarness& h;
  std::string citizen = h.citizen("0987654321");
  std::string officer = h.official("officer", "0900000102", "so-xay-dung");

  int sent = 0;

  // Sends feedback, then publishes it (after `actions`, e.g. "receive"); returns its id. A new
  // author every few, so that no one citizen reaches the limit on sending (feedback/limits.h).
  long long published(const json& overrides, const std::vector<std::string>& actions = {}) {
    if (++sent % 8 == 0) citizen = h.citizen("09876500" + std::to_string(10 + sent / 8));
    const long long id = h.create(citizen, overrides)["id"];
    for (const auto& action : actions)
      REQUIRE(h.act(id, {{"action", action}}, officer).status == 200);
    REQUIRE(h.act(id, {{"action", "publish"}}, officer).status == 200);
    h.clock.advance(std::chrono::minutes(1));
    return id;
  }

  // The ids of one page of the public list.
  std::vector<long long> ids(const std::string& query) {
    const auto response = h.get("/api/v1/public/feedback?" + query);
    REQUIRE_MESSAGE(response.status == 200, response.body);
    std::vector<long long> out;
    const json body = body_of(response);
    for (const auto& item : body["items"]) out.push_back(item["id"]);
    return out;
  }

  // Every page of `query` with ?limit=`limit`, following next_cursor to its end.
  std::vector<long long> all_pages(const std::string& query, int limit) {
    std::vector<long long> out;
    std::string cursor;
    for (int page = 0; page < 50; ++page) {
      const json body = body_of(
          h.get("/api/v1/public/feedback?" + query + "&limit=" + std::to_string(limit) + cursor));
      CHECK(body["items"].size() <= static_cast<std::size_t>(limit));
      for (const auto& item : body["items"]) out.push_back(item["id"]);
      if (body["next_cursor"].is_null()) return out;
      CHECK(body["items"].size() == static_cast<std::size_t>(limit));
      cursor = "&cursor=" + body["next_cursor"].get<std::string>();
    }
    FAIL("next_cursor never ends");
    return out;
  }
};

using Ids = std::vector<long long>;

void check_search(FeedbackHarness& h) {
  Public p{h};
  const long long lamp = p.published({{"title", "Đèn đường không sáng"},
                                      {"content", "Cả dãy đèn tắt nhiều đêm."},
                                      {"address", "Tổ 5, Phường Thục Phán"}});
  const long long road = p.published({{"title", "Ổ gà lớn"},
                                      {"content", "Mặt ĐƯỜNG hỏng 50% chiều rộng_phải"},
                                      {"address", nullptr}});
  p.h.create(p.citizen, {{"title", "Đèn đường hỏng"}});  // not published: never listed

  CHECK(p.ids("q=den%20duong") == Ids{lamp});
  CHECK(p.ids("q=DEN%20DUONG") == Ids{lamp});
  CHECK(p.ids("q=%C4%90%C3%88N%20%C4%90%C6%AF%E1%BB%9CNG") == Ids{lamp});  // "ĐÈN ĐƯỜNG"
  CHECK(p.ids("q=%C4%91%C6%B0%E1%BB%9Dng") == Ids{road, lamp});  // "đường", newest first
  CHECK(p.ids("q=khong%20sang") == Ids{lamp});
  CHECK(p.ids("q=sang%20khong").empty());      // the words in another order are not the phrase
  CHECK(p.ids("q=thuc%20phan") == Ids{lamp});  // the address is searched too
  CHECK(p.ids("q=tat%20nhieu%20dem") == Ids{lamp});
  // LIKE's wildcards in the query are plain characters.
  CHECK(p.ids("q=50%25") == Ids{road});
  CHECK(p.ids("q=%25") == Ids{road});
  CHECK(p.ids("q=_") == Ids{road});
  CHECK(p.ids("q=!").empty());
  const json none = body_of(p.h.get("/api/v1/public/feedback?q=khong%20co%20dau"));
  CHECK(none["items"].empty());
  CHECK(none["next_cursor"].is_null());
  CHECK(p.ids("q=").size() == 2);
}

void check_filters(FeedbackHarness& h) {
  Public p{h};
  // Landslides in two communes and two fields, some received before publishing.
  Ids landslides, hoa_an_traffic, received_traffic, everything;
  for (int i = 0; i < 7; ++i) {
    const bool hoa_an = i % 2 == 0;
    const bool traffic = i % 3 != 2;
    const bool received = i % 4 == 0;
    const long long id =
        p.published({{"title", "Sạt lở taluy số " + std::to_string(i)},
                     {"field", traffic ? "giao-thong" : "do-thi-xay-dung"},
                     {"commune", hoa_an ? "xa-hoa-an" : "phuong-thuc-phan"}},
                    received ? std::vector<std::string>{"receive"} : std::vector<std::string>{});
    landslides.insert(landslides.begin(), id);
    if (hoa_an && traffic) hoa_an_traffic.insert(hoa_an_traffic.begin(), id);
    if (received && traffic) received_traffic.insert(received_traffic.begin(), id);
    const long long other = p.published({{"title", "Nước sinh hoạt bị đục"}});
    everything.insert(everything.begin(), id);
    everything.insert(everything.begin(), other);
  }
  REQUIRE(hoa_an_traffic.size() == 3);
  REQUIRE(received_traffic.size() == 2);

  CHECK(p.ids("q=sat%20lo") == Ids(landslides.begin(), landslides.begin() + 7));
  CHECK(p.ids("field=giao-thong&commune=xa-hoa-an") == hoa_an_traffic);
  CHECK(p.ids("field=giao-thong&commune=xa-hoa-an&q=SAT%20LO") == hoa_an_traffic);
  CHECK(p.ids("field=giao-thong&status=received&q=taluy") == received_traffic);
  CHECK(p.ids("field=giao-thong&status=received&commune=xa-hoa-an") == received_traffic);
  CHECK(p.ids("field=giao-thong&status=resolved&commune=xa-hoa-an").empty());
  CHECK(p.ids("commune=xa-hoa-an&q=nuoc%20sinh%20hoat").empty());  // the others are in Thục Phán
  CHECK(p.ids("q=nuoc%20sinh%20hoat").size() == 7);

  // Pages with a search: every match once, newest first, whatever the page size.
  for (const int limit : {1, 2, 3, 7, 20}) {
    CAPTURE(limit);
    CHECK(p.all_pages("q=sat%20lo", limit) == landslides);
    CHECK(p.all_pages("q=sat%20lo&field=giao-thong&commune=xa-hoa-an", limit) == hoa_an_traffic);
    CHECK(p.all_pages("field=giao-thong&status=received", limit) == received_traffic);
  }
  CHECK(p.all_pages("status=submitted", 4).size() == 14 - 2);
  CHECK(p.all_pages("x=1", 5) == everything);
  CHECK(p.h.get("/api/v1/public/feedback?q=sat%20lo&cursor=x").status == 422);
}

void check_queue(FeedbackHarness& h) {
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const std::string admin = h.official("admin", "0900000101", "");
  const std::string police = h.official("officer", "0900000103", "cong-an-tinh");
  const auto create = [&](const std::string& title, bool receive) {
    const long long id = h.create(citizen, {{"title", title}})["id"];
    if (receive) REQUIRE(h.act(id, {{"action", "receive"}}, officer).status == 200);
    h.clock.advance(std::chrono::hours(1));
    return id;
  };
  const long long late1 = create("Quá hạn 1", false);
  const long long received1 = create("Đã tiếp nhận 1", true);
  const long long late2 = create("Quá hạn 2", false);
  h.clock.advance(std::chrono::hours(24 * 3));  // past the receive deadline of the first ones
  const long long new1 = create("Mới 1", false);
  const long long received2 = create("Đã tiếp nhận 2", true);
  const long long new2 = create("Mới 2", false);
  const Ids expected = {late1, late2, new1, new2, received1, received2};

  const auto pages = [&](const std::string& cookie, const std::string& query, int limit) {
    Ids out;
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
      const json body =
          body_of(h.get("/api/v1/officer/feedback?limit=" + std::to_string(limit) + query + cursor,
                        {.cookie = cookie}));
      for (const auto& item : body["items"]) out.push_back(item["id"]);
      if (body["next_cursor"].is_null()) break;
      CHECK(body["items"].size() == static_cast<std::size_t>(limit));
      cursor = "&cursor=" + body["next_cursor"].get<std::string>();
    }
    return out;
  };
  for (const int limit : {1, 2, 4, 5, 6, 20}) {
    CAPTURE(limit);
    CHECK(pages(officer, "", limit) == expected);
    CHECK(pages(admin, "", limit) == expected);
    CHECK(pages(officer, "&status=submitted", limit) == Ids{late1, late2, new1, new2});
    CHECK(pages(officer, "&status=received", limit) == Ids{received1, received2});
  }
  const json first = body_of(h.get("/api/v1/officer/feedback?limit=2", {.cookie = officer}));
  CHECK(first["items"][0]["overdue"] == true);
  CHECK(first["items"][1]["overdue"] == true);
  CHECK(pages(police, "", 3).empty());
  // A cursor past the end is an empty last page.
  const json beyond =
      body_of(h.get("/api/v1/officer/feedback?cursor=c40&limit=5", {.cookie = officer}));
  CHECK(beyond["items"].empty());
  CHECK(beyond["next_cursor"].is_null());
}

}  // namespace

TEST_CASE("public search ignores diacritics and case, and finds phrases, not scattered words") {
  FeedbackHarness h;
  check_search(h);
}

TEST_CASE("public filters combine with each other, with search and with pages") {
  FeedbackHarness h;
  check_filters(h);
}

TEST_CASE("the queue keeps its order across pages: overdue, then new, then the rest") {
  FeedbackHarness h;
  check_queue(h);
}

TEST_CASE("feedback without search text is folded at start and then found") {
  FeedbackHarness h;
  Public p{h};
  const long long id = p.published({{"title", "Sạt lở taluy dương"}});
  {
    soci::session sql(p.h.database().pool());
    sql << "UPDATE feedback SET search_text = NULL";  // as rows put in by plain SQL are
  }
  CHECK(p.ids("q=sat%20lo").empty());
  fill_feedback_search_text(p.h.database());
  CHECK(p.ids("q=sat%20lo") == Ids{id});
  CHECK(p.ids("q=kim%20dong") == Ids{id});  // the draft's address
}
