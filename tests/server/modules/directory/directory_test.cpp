// The government directory: seeding from data/directory.csv, the public list with search, kind
// filter and distance order, and admins' edits and CSV import/export.
#include "core/directory.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include <memory>

#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/passwords.h"
#include "modules/directory/routes.h"
#include "modules/directory/store.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

const std::filesystem::path kSeed = std::filesystem::path(CDSCB_SOURCE_DIR) / "data/directory.csv";
const std::string kHeader = "code,kind,name,address,phones,email,website,hours,lat,lng,note\r\n";

// The accounts module for sign-in, and the directory's routes on the same database.
class Directory {
 public:
  Directory() : owned_(std::make_unique<AccountsHarness>()), accounts(*owned_) { start(); }

  void start() {
    register_directory_routes(
        router_,
        {.database = accounts.database(),
         .sessions = accounts::Sessions(accounts.database(), {.now = accounts.clock.function()})});
    directory::seed_if_new(accounts.database(), kSeed, 1741064400);
  }

  http::Response call(std::string method, std::string target, const std::string& body = "",
                      const std::string& cookie = "", const std::string& type = "") {
    http::Request request = make_request(std::move(method), std::move(target));
    request.body = body;
    if (!type.empty()) request.headers.add("Content-Type", type);
    if (!cookie.empty()) request.headers.add("Cookie", "cdscb_session=" + cookie);
    return router_.dispatch(request);
  }
  json get(const std::string& target) {
    const auto response = call("GET", target);
    REQUIRE_MESSAGE(response.status == 200, response.body);
    return body_of(response);
  }
  std::string official(const std::string& role, const std::string& phone) {
    soci::session sql(accounts.database().pool());
    accounts::OfficialInput input{.role = role,
                                  .phone = phone,
                                  .full_name = "Quản Trị Viên",
                                  .agency = role == "officer" ? "so-y-te" : "",
                                  .password = "Quan tri vien 2025"};
    REQUIRE(accounts::validate_official(input).empty());
    REQUIRE(accounts::create_official(sql, accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                                      input, 1741064400));
    return accounts.sign_in(phone, "Quan tri vien 2025");
  }
  std::string admin() { return official("admin", "0900000001"); }
  std::string export_csv(const std::string& admin) {
    const auto response = call("GET", "/api/v1/admin/directory.csv", "", admin);
    REQUIRE_MESSAGE(response.status == 200, response.body);
    return response.body;
  }

  std::unique_ptr<AccountsHarness> owned_;
  AccountsHarness& accounts;

 private:
  http::Router router_;
};

std::vector<std::string> codes_of(const json& items) {
  std::vector<std::string> codes;
  for (const auto& item : items) codes.push_back(item["code"]);
  return codes;
}

json ward_body() {
  return {{"kind", "ward"},
          {"name", "UBND phường Thục Phán"},
          {"address", "Phường Thục Phán, tỉnh Cao Bằng"},
          {"phones", {"0206 3852 123"}},
          {"email", "thucphan@caobang.gov.vn"},
          {"website", "https://thucphan.caobang.gov.vn"},
          {"hours", "Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00"},
          {"location", {{"lat", 22.6657}, {"lng", 106.2522}}},
          {"note", ""}};
}

}  // namespace

TEST_CASE(
    "the first start loads the seed file; later starts leave the database as admins left it") {
  Directory directory;
  CHECK(directory.accounts.count_rows("directory_records") == 75);
  const std::string admin = directory.admin();
  CHECK(directory.call("DELETE", "/api/v1/admin/directory/so-y-te", "", admin).status == 204);
  directory::seed_if_new(directory.accounts.database(), kSeed, 1741064500);
  CHECK(directory.accounts.count_rows("directory_records") == 74);
}

TEST_CASE("the list: emergency numbers on top, records paged, no invented phone numbers") {
  Directory directory;
  const json first = directory.get("/api/v1/directory");
  std::vector<std::string> numbers;
  for (const auto& e : first["emergency"]) numbers.push_back(e["number"]);
  CHECK(numbers == std::vector<std::string>{"112", "113", "114", "115", "111"});
  CHECK(first["emergency"][1]["name"] == "Công an");
  CHECK(first["items"].size() == 50);
  CHECK(first["items"][0]["code"] == "so-noi-vu");
  CHECK(first["items"][0]["phones"] == json::array());
  CHECK(first["items"][0]["location"].is_null());
  REQUIRE(first["next_cursor"].is_string());
  const json second =
      directory.get("/api/v1/directory?cursor=" + first["next_cursor"].get<std::string>());
  CHECK(second["items"].size() == 20);  // 13 departments, the police, 56 communes and wards
  CHECK(second["next_cursor"].is_null());
  CHECK(directory.call("GET", "/api/v1/directory?cursor=zz").status == 422);
  CHECK(directory.call("GET", "/api/v1/directory?limit=0").status == 422);
}

TEST_CASE("search ignores diacritics and case; kind filters") {
  Directory directory;
  CHECK(codes_of(directory.get("/api/v1/directory?q=thuc%20phan")["items"]) ==
        std::vector<std::string>{"ubnd-phuong-thuc-phan"});
  CHECK(codes_of(directory.get("/api/v1/directory?q=HOA+AN")["items"]) ==
        std::vector<std::string>{"ubnd-xa-hoa-an"});
  CHECK(codes_of(directory.get("/api/v1/directory?q=H%C3%92A%20AN")["items"]) ==
        std::vector<std::string>{"ubnd-xa-hoa-an"});
  CHECK(directory.get("/api/v1/directory?kind=commune,ward&limit=200")["items"].size() == 56);
  CHECK(directory.get("/api/v1/directory?kind=ward")["items"].size() == 3);
  CHECK(codes_of(directory.get("/api/v1/directory?kind=police")["items"]) ==
        std::vector<std::string>{"cong-an-tinh"});
  CHECK(directory.get("/api/v1/directory?kind=department&limit=200")["items"].size() == 13);
  const auto bad = directory.call("GET", "/api/v1/directory?kind=district");
  CHECK(bad.status == 422);
  CHECK(body_of(bad)["error"]["fields"].contains("kind"));
}

TEST_CASE("near= puts the nearest first and records without a place last") {
  Directory directory;
  const std::string admin = directory.admin();
  json far = ward_body();
  far["name"] = "UBND xã Bảo Lâm";
  far["kind"] = "commune";
  far["location"] = {{"lat", 22.87}, {"lng", 105.5}};
  REQUIRE(directory
              .call("PUT", "/api/v1/admin/directory/ubnd-xa-bao-lam", far.dump(), admin,
                    "application/json")
              .status == 200);
  REQUIRE(directory
              .call("PUT", "/api/v1/admin/directory/ubnd-phuong-thuc-phan", ward_body().dump(),
                    admin, "application/json")
              .status == 200);
  const json items = directory.get("/api/v1/directory?near=22.666,106.258&limit=3")["items"];
  CHECK(codes_of(items) ==
        std::vector<std::string>{"ubnd-phuong-thuc-phan", "ubnd-xa-bao-lam", "so-noi-vu"});
  CHECK(items[0]["distance_m"].get<long long>() == doctest::Approx(623).epsilon(0.05));
  CHECK(items[1]["distance_m"].get<long long>() > 70000);
  CHECK_FALSE(items[2].contains("distance_m"));
  CHECK(directory.call("GET", "/api/v1/directory?near=95,106").status == 422);
}

TEST_CASE("one record by its code") {
  Directory directory;
  const json item = directory.get("/api/v1/directory/ubnd-phuong-thuc-phan")["item"];
  CHECK(item["name"] == "UBND phường Thục Phán");
  CHECK(item["kind"] == "ward");
  const auto missing = directory.call("GET", "/api/v1/directory/khong-co");
  CHECK(missing.status == 404);
  CHECK(body_of(missing)["error"]["code"] == "not_found");
}

TEST_CASE("only admins change the directory") {
  Directory directory;
  const std::string citizen = directory.accounts.create_account("0912345678", "Cao Bang 2025!");
  const std::string officer = directory.official("officer", "0900000002");
  const std::string body = ward_body().dump();
  for (const std::string& who : {std::string(), citizen, officer}) {
    const int expected = who.empty() ? 401 : 403;
    CHECK(directory
              .call("PUT", "/api/v1/admin/directory/ubnd-phuong-thuc-phan", body, who,
                    "application/json")
              .status == expected);
    CHECK(directory.call("DELETE", "/api/v1/admin/directory/so-y-te", "", who).status == expected);
    CHECK(directory.call("GET", "/api/v1/admin/directory.csv", "", who).status == expected);
    CHECK(directory.call("POST", "/api/v1/admin/directory.csv", kHeader, who, "text/csv").status ==
          expected);
  }
  CHECK(directory.accounts.count_rows("directory_records") == 75);
  CHECK(directory.get("/api/v1/directory/ubnd-phuong-thuc-phan")["item"]["phones"].empty());
}

TEST_CASE("an admin creates, updates and deletes records; bad fields change nothing") {
  Directory directory;
  const std::string admin = directory.admin();
  const auto updated = directory.call("PUT", "/api/v1/admin/directory/ubnd-phuong-thuc-phan",
                                      ward_body().dump(), admin, "application/json");
  REQUIRE_MESSAGE(updated.status == 200, updated.body);
  const json item = directory.get("/api/v1/directory/ubnd-phuong-thuc-phan")["item"];
  CHECK(item["phones"] == json::array({"02063852123"}));
  CHECK(item["location"]["lat"].get<double>() == doctest::Approx(22.6657));

  json created = ward_body();
  created["kind"] = "police";
  created["name"] = "Công an phường Thục Phán";
  created["phones"] = {"0912 345 678", "+84 206 3852 999"};
  created["location"] = nullptr;
  const auto made = directory.call("PUT", "/api/v1/admin/directory/ca-phuong-thuc-phan",
                                   created.dump(), admin, "application/json");
  REQUIRE_MESSAGE(made.status == 201, made.body);
  CHECK(body_of(made)["item"]["phones"] == json::array({"0912345678", "02063852999"}));

  json bad = ward_body();
  bad["phones"] = {"0206 385"};
  bad["email"] = "khong-phai-email";
  bad["website"] = "caobang.gov.vn";
  bad["location"] = {{"lat", 22.6}, {"lng", 200}};
  const auto refused = directory.call("PUT", "/api/v1/admin/directory/ubnd-phuong-thuc-phan",
                                      bad.dump(), admin, "application/json");
  CHECK(refused.status == 422);
  const json fields = body_of(refused)["error"]["fields"];
  for (const char* field : {"phones", "email", "website", "location"})
    CHECK_MESSAGE(fields.contains(field), field);
  CHECK(directory.get("/api/v1/directory/ubnd-phuong-thuc-phan")["item"]["email"] ==
        "thucphan@caobang.gov.vn");
  CHECK(directory
            .call("PUT", "/api/v1/admin/directory/Sai%20Ma", ward_body().dump(), admin,
                  "application/json")
            .status == 422);

  CHECK(directory.call("DELETE", "/api/v1/admin/directory/ca-phuong-thuc-phan", "", admin).status ==
        204);
  CHECK(directory.call("DELETE", "/api/v1/admin/directory/ca-phuong-thuc-phan", "", admin).status ==
        404);
}

TEST_CASE("export is Excel-friendly UTF-8 CSV that imports back unchanged") {
  Directory directory;
  const std::string admin = directory.admin();
  const auto response = directory.call("GET", "/api/v1/admin/directory.csv", "", admin);
  REQUIRE(response.status == 200);
  CHECK(response.headers.get("Content-Type") == "text/csv; charset=utf-8");
  CHECK(response.headers.get("Content-Disposition").value_or("").find("attachment") == 0);
  CHECK(response.body.starts_with(core::kUtf8Bom));
  const auto parsed = core::parse_directory_csv(response.body);
  REQUIRE(parsed.errors.empty());
  CHECK(parsed.records.size() == 75);
  const auto again = directory.call("POST", "/api/v1/admin/directory.csv", response.body, admin,
                                    "text/csv; charset=utf-8");
  REQUIRE_MESSAGE(again.status == 200, again.body);
  CHECK(body_of(again) ==
        json{{"created", 0}, {"updated", 0}, {"unchanged", 75}, {"deleted", 0}, {"total", 75}});
}

TEST_CASE("a good CSV replaces the directory; a bad one is refused by line and changes nothing") {
  Directory directory;
  const std::string admin = directory.admin();
  const std::string good = std::string(core::kUtf8Bom) + kHeader +
                           "khan-cap-113,emergency,Công an,,113,,,24/7,,,\r\n"
                           "ubnd-phuong-thuc-phan,ward,UBND phường Thục Phán,\"Số 1, phố X\r\n"
                           "Phường Thục Phán\",0206 3852 123,,https://caobang.gov.vn,,22.6657,"
                           "106.2522,\r\n"
                           "so-y-te,department,Sở Y tế,,,soyte@caobang.gov.vn,,,,,\r\n";
  const auto imported =
      directory.call("POST", "/api/v1/admin/directory.csv", good, admin, "text/csv");
  REQUIRE_MESSAGE(imported.status == 200, imported.body);
  CHECK(body_of(imported) ==
        json{{"created", 0}, {"updated", 3}, {"unchanged", 0}, {"deleted", 72}, {"total", 3}});
  const json list = directory.get("/api/v1/directory");
  CHECK(list["emergency"].size() == 1);
  CHECK(codes_of(list["items"]) == std::vector<std::string>{"ubnd-phuong-thuc-phan", "so-y-te"});
  CHECK(list["items"][0]["address"] == "Số 1, phố X\nPhường Thục Phán");

  const std::string before = directory.export_csv(admin);
  const std::string bad = kHeader +
                          "so-y-te,department,Sở Y tế (đổi),,,,,,,,\r\n"
                          "so-tu-phap,department,Sở Tư pháp,,0206 12,,,,,,\r\n"
                          "so-xay-dung,department,Sở Xây dựng, Cao Bằng,,,,,,,,\r\n"
                          "x,department,\"Sở \"Lạ\"\",,,,,,,,\r\n";
  const auto refused =
      directory.call("POST", "/api/v1/admin/directory.csv", bad, admin, "text/csv");
  CHECK(refused.status == 422);
  const json error = body_of(refused)["error"];
  CHECK(error["code"] == "csv_invalid");
  std::vector<int> lines;
  for (const auto& line : error["lines"]) lines.push_back(line["line"]);
  CHECK(lines == std::vector<int>{3, 4, 5});
  CHECK(error["message"].get<std::string>().find("3 dòng") != std::string::npos);
  CHECK(directory.export_csv(admin) == before);

  // The app's JSON client sends the file as {"csv": text}.
  const auto via_json = directory.call("POST", "/api/v1/admin/directory.csv",
                                       json{{"csv", good}}.dump(), admin, "application/json");
  CHECK(via_json.status == 200);
  const auto empty =
      directory.call("POST", "/api/v1/admin/directory.csv", kHeader, admin, "text/csv");
  CHECK(empty.status == 422);
  CHECK(directory.accounts.count_rows("directory_records") == 3);
}
