#include "modules/feedback/feedback_harness.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include <atomic>

#include "core/working_hours.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/users.h"
#include "modules/agencies/routes.h"
#include "modules/calendar/routes.h"
#include "modules/feedback/routes.h"
#include "modules/media/uploads.h"
#include "modules/notifications/routes.h"
#include "modules/open311/routes.h"

using namespace cdscb;

namespace cdscb::server::testing {

FeedbackHarness::FeedbackHarness()
    : AccountsHarness({feedback_personal_data(), notifications_personal_data()}),
      media_store(std::make_shared<const media::MediaStore>(media_dir.path() / "media")) {
  load_and_register();
}

FeedbackHarness::FeedbackHarness(db::Database& database)
    : AccountsHarness(database, ""),
      media_store(std::make_shared<const media::MediaStore>(media_dir.path() / "media")) {
  load_and_register();
}

void FeedbackHarness::load_and_register() {
  const std::filesystem::path data = std::filesystem::path(CDSCB_SOURCE_DIR) / "data";
  seed_agencies(database(), data);
  load_feedback_reference_data(database(), data);
  seed_calendar(database(), data);
  const accounts::Sessions sessions(database(), {.now = clock.function()});
  // Feedback with the modules it works with: the calendar of its deadlines, the notifications
  // it sends, and Open311 over it.
  const FeedbackPhotos photos = feedback_photos(media_store);
  register_feedback_routes(router(),
                           {.database = database(), .sessions = sessions, .photos = photos});
  register_agencies_routes(router(), {.database = database()});
  register_calendar_routes(router(), {.database = database(), .sessions = sessions});
  register_notification_routes(router(), {.database = database(), .sessions = sessions});
  register_open311_routes(router(), {.database = database(),
                                     .sessions = sessions,
                                     .photo_url = photos.url,
                                     .public_origin = std::string(kPublicOrigin)});
}

std::string FeedbackHarness::official(const std::string& role, const std::string& phone,
                                      const std::string& agency, const std::string& name) {
  accounts::OfficialInput input{.role = role,
                                .phone = phone,
                                .full_name = name,
                                .agency = agency,
                                .password = "Mat khau can bo 2025"};
  REQUIRE(accounts::validate_official(input).empty());
  {
    soci::session sql(database().pool());
    REQUIRE(accounts::create_official(sql, accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                                      input, 1741064400));
  }
  return sign_in(phone, "Mat khau can bo 2025");
}

media::StoredImage FeedbackHarness::upload(const std::string& phone, std::string_view bytes) {
  const media::StoredImage image = media_store->store(bytes);
  soci::session sql(database().pool());
  const auto user = accounts::find_user_by_phone(sql, phone);
  REQUIRE(user.has_value());
  media::record_upload(sql, image, user->id, 1741064400);
  return image;
}

std::string FeedbackHarness::citizen(const std::string& phone, const std::string& name) {
  return create_account(phone, "Non nuoc Cao Bang 1", name);
}

http::Response FeedbackHarness::send(const nlohmann::json& body, const std::string& cookie,
                                     const std::string& key) {
  http::Request request = make_request("POST", "/api/v1/feedback");
  request.body = body.dump();
  request.headers.add("Content-Type", "application/json");
  if (!key.empty()) request.headers.add("Idempotency-Key", key);
  if (!cookie.empty()) request.headers.add("Cookie", "cdscb_session=" + cookie);
  return router().dispatch(request);
}

nlohmann::json FeedbackHarness::create(const std::string& cookie, const nlohmann::json& overrides) {
  nlohmann::json body = draft();
  if (overrides.is_object()) body.update(overrides);
  const auto response = send(body, cookie, new_key());
  REQUIRE_MESSAGE(response.status == 201, response.body);
  return body_of(response)["feedback"];
}

http::Response FeedbackHarness::act(long long id, const nlohmann::json& body,
                                    const std::string& cookie) {
  return post("/api/v1/feedback/" + std::to_string(id) + "/actions", body, {.cookie = cookie});
}

long long FeedbackHarness::official_id(const std::string& phone) {
  soci::session sql(database().pool());
  long long id = 0;
  sql << "SELECT id FROM users WHERE phone = :phone", soci::use(phone), soci::into(id);
  return id;
}

http::Response FeedbackHarness::open311_post(const std::string& form) {
  auto request = make_request("POST", "/open311/v2/requests.json");
  request.body = form;
  request.headers.add("Content-Type", "application/x-www-form-urlencoded");
  return router().dispatch(request);
}

nlohmann::json FeedbackHarness::issue_open311_key(const std::string& admin,
                                                  const std::string& name) {
  const auto response = post("/api/v1/admin/open311-keys", {{"name", name}}, {.cookie = admin});
  REQUIRE_MESSAGE(response.status == 201, response.body);
  return body_of(response);
}

void FeedbackHarness::set_vietnam_time(const std::string& date, int hour, int minute) {
  const auto day = core::parse_calendar_day(date);
  REQUIRE(day);
  const std::chrono::system_clock::time_point target{
      std::chrono::seconds(*day * 86400 + hour * 3600 + minute * 60 - core::kVietnamUtcOffset)};
  REQUIRE(target >= clock.now());
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(target - clock.now()));
}

nlohmann::json draft() {
  return {{"title", "Ổ gà lớn trên đường Kim Đồng"},
          {"content", "Mặt đường có ổ gà sâu khoảng 20 cm, xe máy đi qua rất nguy hiểm."},
          {"field", "giao-thong"},
          {"location", {{"lat", 22.666}, {"lng", 106.258}, {"accuracy_m", 12}}},
          {"address", "Số 10 đường Kim Đồng"},
          {"commune", "phuong-thuc-phan"},
          {"photos", nlohmann::json::array()},
          {"anonymous", false}};
}

std::string new_key() {
  static std::atomic<int> counter{0};
  return "test-key-0000000000-" + std::to_string(++counter);
}

}  // namespace cdscb::server::testing
