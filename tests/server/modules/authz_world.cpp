#include "modules/authz_world.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include <chrono>
#include <regex>

#include "config.h"
#include "db/migrations.h"
#include "integrations/media_test_support.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/users.h"
#include "modules/media/uploads.h"
#include "modules/modules.h"
#include "modules/payments/orders.h"
#include "util/time.h"

using namespace cdscb;

namespace cdscb::server::testing {
namespace {

nlohmann::json created(const http::Response& response, const char* what) {
  REQUIRE_MESSAGE(response.status == 201, what, ": ", response.body);
  return body_of(response);
}

}  // namespace

const char* caller_name(Caller caller) {
  switch (caller) {
    case Caller::kAnonymous:
      return "anonymous";
    case Caller::kCitizen:
      return "citizen (not the author)";
    case Caller::kOfficerSame:
      return "officer of the record's agency";
    case Caller::kOfficerOther:
      return "officer of another agency";
    case Caller::kAdmin:
      return "admin";
  }
  return "?";
}

AuthzWorld::AuthzWorld() {
  database_ = std::make_unique<db::Database>(place_.url(), 4);
  db::migrate(*database_);
  media_ = std::make_shared<const media::MediaStore>(dir_.path() / "media");
  Config& config = config_;
  config.data_dir = dir_.path();
  config.seed_dir = std::filesystem::path(CDSCB_SOURCE_DIR) / "data";
  config.directory_csv = config.seed_dir / "directory.csv";
  config.public_origin = "http://127.0.0.1:8080";
  // Exactly what the server's main does: every module, registered by the one list.
  jobs_ = std::make_unique<jobs::Jobs>(*database_);
  const ModuleDeps deps{
      .database = *database_, .config = config, .sms = sms_, .jobs = *jobs_, .media = media_};
  seed_reference_data(deps);
  register_modules(router_, deps);
  sessions_ = std::make_unique<accounts::Sessions>(*database_);
  password_hash_ = accounts::PasswordHasher(accounts::kMinimalPasswordCost).hash(kPassword);
  photo_ = media_->store(make_jpeg(640, 480));
  // The same photo as a private file too (same bytes, same id): the dossier's paper and the
  // "Kho giấy tờ" paper below attach it, and they take private files only.
  media_->store_private(make_jpeg(640, 480));
}

std::string AuthzWorld::next_ip() { return "198.51.100." + std::to_string(1 + counter_ % 250); }

AuthzWorld::Account AuthzWorld::account(core::Role role, const std::string& agency) {
  ++counter_;
  Account result;
  result.phone = "0913" + std::to_string(100000 + counter_);
  accounts::User user;
  user.phone = result.phone;
  user.full_name = "Nông Văn Dũng";
  user.password_hash = password_hash_;
  user.role = role;
  if (!agency.empty()) user.agency = agency;
  user.created_at = user.phone_verified_at.emplace(1741064400);
  soci::session sql(database_->pool());
  const auto id = accounts::insert_user(sql, user);
  REQUIRE(id.has_value());
  result.id = *id;
  http::Request request = make_request("POST", "/api/v1/sessions");
  const std::string cookie = sessions_->start(sql, *id, request);
  const std::string prefix = "cdscb_session=";
  REQUIRE(cookie.starts_with(prefix));
  result.cookie = cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  return result;
}

Fixtures AuthzWorld::fresh_fixtures() {
  Fixtures f;
  const Account author = account(core::Role::kCitizen, "");
  const Account citizen = account(core::Role::kCitizen, "");
  const Account same = account(core::Role::kOfficer, kRecordAgency);
  const Account other = account(core::Role::kOfficer, kOtherAgency);
  const Account admin = account(core::Role::kAdmin, "");
  f.cookies = {{Caller::kCitizen, citizen.cookie},
               {Caller::kOfficerSame, same.cookie},
               {Caller::kOfficerOther, other.cookie},
               {Caller::kAdmin, admin.cookie}};
  f.values["password"] = kPassword;
  f.values["photo"] = photo_.id;
  f.values["photo_file"] = photo_.url.substr(photo_.url.rfind('/') + 1);  // "<id>.<ext>"
  {
    soci::session sql(database_->pool());
    media::record_upload(sql, photo_, author.id, 1741064400);
    std::string code;
    sql << "SELECT code FROM directory_records ORDER BY code LIMIT 1", soci::into(code);
    REQUIRE(!code.empty());
    f.values["directory"] = code;
    // The author's payment order of one electricity bill.
    f.values["order"] =
        payments::create_order(
            sql, database_->backend(),
            {.user_id = author.id,
             .service = "electricity",
             .provider = "evn",
             .customer_code = "PA14010012345",
             .customer_name = "NÔNG V** D**",
             .customer_address = "***, Phường Thục Phán, tỉnh Cao Bằng",
             .bills = {{"EVN-" + std::to_string(counter_), "2026-10", 412350, "2026-11-10"}},
             .now = 1764640800,
             .lifetime = 900})
            .order.code;
    const std::string contact_code = "PA1401" + std::to_string(1000000 + counter_);
    sql << "INSERT INTO payment_contacts (user_id, service, provider, customer_code, name, "
           "created_at) VALUES (:user_id, 'electricity', 'evn', :code, 'Nhà bố mẹ', 1764640800)",
        soci::use(author.id), soci::use(contact_code);
    long long contact = 0;
    sql << "SELECT id FROM payment_contacts WHERE customer_code = :code", soci::use(contact_code),
        soci::into(contact);
    f.values["contact"] = std::to_string(contact);
  }

  nlohmann::json feedback = {{"title", "Ổ gà lớn trên đường Kim Đồng"},
                             {"content", "Mặt đường có ổ gà sâu, xe máy đi qua rất nguy hiểm."},
                             {"field", "giao-thong"},
                             {"location", {{"lat", 22.666}, {"lng", 106.258}}},
                             {"photos", {photo_.id}},
                             {"anonymous", false}};
  http::Request request = make_request("POST", "/api/v1/feedback");
  request.body = feedback.dump();
  request.remote_address = next_ip();
  request.headers.add("Content-Type", "application/json");
  request.headers.add("Idempotency-Key", "authz-matrix-key-" + std::to_string(counter_));
  request.headers.add("Cookie", "cdscb_session=" + author.cookie);
  f.values["feedback"] = std::to_string(
      created(router_.dispatch(request), "feedback")["feedback"]["id"].get<long long>());

  const auto post = [&](const char* target, const nlohmann::json& body, const std::string& cookie) {
    return call("POST", target, body.dump(), cookie);
  };
  f.values["article"] =
      std::to_string(created(post("/api/v1/news",
                                  {{"title", "Lịch cắt điện"}, {"text", "Nội dung."}}, same.cookie),
                             "article")["article"]["id"]
                         .get<long long>());
  const auto tomorrow = std::chrono::system_clock::now() + std::chrono::hours(24);
  {
    // The alerts of earlier calls go first: at most 20 are current at once (news/alert_routes).
    soci::session sql(database_->pool());
    sql << "DELETE FROM news_alerts";
  }
  f.values["alert"] =
      std::to_string(created(post("/api/v1/alerts",
                                  {{"kind", "flood"},
                                   {"title", "Lũ trên sông Bằng Giang"},
                                   {"text", "Người dân ven sông di chuyển đồ đạc lên cao."},
                                   {"expires_at", util::rfc3339_utc(tomorrow)}},
                                  same.cookie),
                             "alert")["alert"]["id"]
                         .get<long long>());
  const nlohmann::json key =
      created(post("/api/v1/admin/open311-keys", {{"name", "Cổng DVC quốc gia"}}, admin.cookie),
              "Open311 key");
  f.values["key"] = std::to_string(key["id"].get<long long>());
  f.values["api_key"] = key["api_key"].get<std::string>();
  const int n = counter_;
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2030 + n / 336, 1 + (n / 28) % 12, 1 + n % 28);
  f.values["holiday"] = date;
  created(post("/api/v1/admin/holidays",
               {{"date", date}, {"name", "Ngày nghỉ thử"}, {"working_day", false}}, admin.cookie),
          "holiday");
  f.values["phone"] = author.phone;
  f.values["author_cookie"] = author.cookie;
  // The author's dossier of "Cấp Phiếu lý lịch tư pháp", moved to the records' agency.
  {
    http::Request filing = make_request("POST", "/api/v1/dossiers");
    filing.body =
        nlohmann::json{{"procedure", "MAU-LLTP-01"},
                       {"version", 1},
                       {"values",
                        {{"ho_ten", "Nông Văn Dũng"},
                         {"ngay_sinh", "1990-05-12"},
                         {"so_dinh_danh", "004090001234"},
                         {"dien_thoai", "0912345678"},
                         {"dia_chi", {{"commune", "phuong-thuc-phan"}, {"street", "Số 5"}}},
                         {"loai_phieu", "so_2"},
                         {"so_luong", 1},
                         {"muc_dich", "Xin việc"},
                         {"noi_cu_tru_khac", "Cao Bằng"},
                         {"cam_doan", true}}},
                       {"papers", {{"to_khai", {{{"media", photo_.id}, {"kind", "image"}}}}}}}
            .dump();
    filing.remote_address = next_ip();
    filing.headers.add("Content-Type", "application/json");
    filing.headers.add("Idempotency-Key", "authz-matrix-dossier-" + std::to_string(counter_));
    filing.headers.add("Cookie", "cdscb_session=" + author.cookie);
    const std::string dossier = created(router_.dispatch(filing), "dossier")["dossier"]["code"];
    f.values["dossier"] = dossier;
    soci::session sql(database_->pool());
    sql << "UPDATE dossiers SET agency = :agency WHERE code = :code",
        soci::use(std::string(kRecordAgency)), soci::use(dossier);
    sql << "INSERT INTO citizen_papers (user_id, name, media, kind, created_at) VALUES (:user, "
           "'CCCD', :media, 'image', 1764640800)",
        soci::use(author.id), soci::use(photo_.id);
    long long paper = 0;
    sql << "SELECT MAX(id) FROM citizen_papers WHERE user_id = :user", soci::use(author.id),
        soci::into(paper);
    f.values["paper"] = std::to_string(paper);
  }
  // The author's session by the public id "Thiết bị đăng nhập" lists it with.
  const auto sessions = call("GET", "/api/v1/me/sessions", "", author.cookie);
  REQUIRE_MESSAGE(sessions.status == 200, sessions.body);
  f.values["session"] = body_of(sessions)["sessions"][0]["id"].get<std::string>();
  return f;
}

std::string AuthzWorld::fill(std::string text, const Fixtures& fixtures) {
  static const std::regex placeholder(R"(\{([a-z_]+)\})");
  std::smatch match;
  std::string out;
  while (std::regex_search(text, match, placeholder)) {
    const auto found = fixtures.values.find(match[1].str());
    REQUIRE_MESSAGE(found != fixtures.values.end(), "no fixture for {", match[1].str(), "}");
    out += match.prefix().str() + found->second;
    text = match.suffix().str();
  }
  return out + text;
}

http::Response AuthzWorld::call(const std::string& method, const std::string& target,
                                const std::string& body, const std::string& cookie) {
  http::Request request = make_request(method, target);
  request.body = body;
  request.remote_address = next_ip();
  if (!body.empty()) {
    request.headers.add("Content-Type", body.starts_with("{")
                                            ? "application/json"
                                            : "application/x-www-form-urlencoded");
  }
  request.headers.add("Idempotency-Key", "authz-matrix-call-" + std::to_string(++counter_));
  if (!cookie.empty()) request.headers.add("Cookie", "cdscb_session=" + cookie);
  return router_.dispatch(request);
}

}  // namespace cdscb::server::testing
