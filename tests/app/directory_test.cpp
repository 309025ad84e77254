#include "app/state/directory.h"

#include <doctest/doctest.h>

#include "app/api/client.h"
#include "tests/app/fake_transport.h"

using namespace cdscb;
using namespace cdscb::app;

namespace {

const char* kPage1 = R"({"emergency":[{"number":"112","name":"Sự cố, thiên tai"}],
  "items":[{"code":"so-y-te","kind":"department","name":"Sở Y tế","address":"","phones":[],
            "email":"","website":"","hours":"","location":null,"note":""},
           {"code":"ubnd-phuong-thuc-phan","kind":"ward","name":"UBND phường Thục Phán",
            "address":"Phường Thục Phán","phones":["02063852123"],"email":"","website":"",
            "hours":"","location":{"lat":22.6657,"lng":106.2522},"note":""}],
  "next_cursor":"o2"})";
const char* kPage2 = R"({"emergency":[{"number":"112","name":"Sự cố, thiên tai"}],
  "items":[{"code":"cong-an-tinh","kind":"police","name":"Công an tỉnh Cao Bằng","address":"",
            "phones":[],"email":"","website":"","hours":"","location":{"lat":22.7,"lng":106.3},
            "note":""}],"next_cursor":null})";

std::vector<std::string> codes(const std::vector<state::DirectoryHit>& hits) {
  std::vector<std::string> out;
  for (const auto& hit : hits) out.push_back(hit.record->code);
  return out;
}

}  // namespace

TEST_CASE("the directory is fetched page by page, then kept as text that loads offline") {
  fake::sent().clear();
  api::Client client;
  state::DirectoryBook book;
  book.refresh(client);
  REQUIRE(fake::sent().size() == 1);
  CHECK(fake::sent()[0].path.find("/api/v1/directory?") == 0);
  client.deliver(fake::sent()[0].id, nlohmann::json{{"status", 200}, {"body", kPage1}}.dump());
  CHECK_FALSE(book.update(client));  // a second page follows
  REQUIRE(fake::sent().size() == 2);
  CHECK(fake::sent()[1].path.find("cursor=o2") != std::string::npos);
  CHECK_FALSE(book.has_data());
  client.deliver(fake::sent()[1].id, nlohmann::json{{"status", 200}, {"body", kPage2}}.dump());
  CHECK(book.update(client));
  CHECK(book.records().size() == 3);
  REQUIRE(book.emergency().size() == 1);
  CHECK(book.emergency()[0].number == "112");

  state::DirectoryBook offline;
  REQUIRE(offline.load_cache(book.cache_text()));
  CHECK(offline.records() == book.records());
  CHECK_FALSE(offline.fresh());
  CHECK_FALSE(offline.load_cache("not json"));
}

TEST_CASE("search without diacritics, the kind filter and nearest first") {
  state::DirectoryBook book;
  REQUIRE(book.load_cache(kPage1));
  state::DirectoryBook more;
  REQUIRE(more.load_cache(kPage2));
  book.put(more.records()[0]);
  using state::KindFilter;
  CHECK(codes(book.filter("thuc phan", KindFilter::kAll, {})) ==
        std::vector<std::string>{"ubnd-phuong-thuc-phan"});
  CHECK(codes(book.filter("", KindFilter::kCommunes, {})) ==
        std::vector<std::string>{"ubnd-phuong-thuc-phan"});
  CHECK(codes(book.filter("", KindFilter::kPolice, {})) ==
        std::vector<std::string>{"cong-an-tinh"});
  const auto near = book.filter("", KindFilter::kAll, core::GeoPoint{22.7, 106.3});
  CHECK(codes(near) ==
        std::vector<std::string>{"cong-an-tinh", "ubnd-phuong-thuc-phan", "so-y-te"});
  CHECK(near[0].distance_m == doctest::Approx(0));
  CHECK_FALSE(near[2].distance_m);
}
