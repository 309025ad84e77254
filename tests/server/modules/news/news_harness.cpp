#include "modules/news/news_harness.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include <fstream>
#include <sstream>

#include "db/migrations.h"
#include "integrations/media_test_support.h"
#include "jobs/admin_routes.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/routes.h"
#include "modules/news/routes.h"

namespace cdscb::server::testing {
namespace {

constexpr const char* kPassword = "Mat khau that dai 2025";

}  // namespace

NewsHarness::NewsHarness(std::shared_ptr<news::Images> images, std::optional<db::DatabaseUrl> url)
    : place_(url ? nullptr : std::make_unique<TestDatabase>()),
      database_(std::make_unique<db::Database>(url ? *url : place_->url(), 2)) {
  db::migrate(*database_);
  const accounts::Sessions sessions(*database_, {.now = clock.function()});
  jobs_ = std::make_unique<jobs::Jobs>(*database_, clock.function());
  register_accounts_routes(router_,
                           {.database = *database_,
                            .sms = sms_,
                            .jobs = *jobs_,
                            .sessions = sessions,
                            .hasher = accounts::PasswordHasher(accounts::kMinimalPasswordCost)});
  jobs::register_admin_routes(router_, {.jobs = *jobs_, .sessions = sessions});
  register_news_routes(router_, {.database = *database_, .sessions = sessions, .images = images});
}

http::Response NewsHarness::call(std::string method, std::string target, const std::string& body,
                                 const std::string& cookie) {
  http::Request request = make_request(std::move(method), std::move(target));
  request.body = body;
  request.remote_address = "203.0.113.9";
  if (!body.empty()) request.headers.add("Content-Type", "application/json");
  if (!cookie.empty()) request.headers.add("Cookie", "cdscb_session=" + cookie);
  return router_.dispatch(request);
}

http::Response NewsHarness::get(std::string target, const std::string& cookie) {
  return call("GET", std::move(target), "", cookie);
}

http::Response NewsHarness::post(std::string target, const nlohmann::json& body,
                                 const std::string& cookie) {
  return call("POST", std::move(target), body.dump(), cookie);
}

http::Response NewsHarness::patch(std::string target, const nlohmann::json& body,
                                  const std::string& cookie) {
  return call("PATCH", std::move(target), body.dump(), cookie);
}

http::Response NewsHarness::del(std::string target, const std::string& cookie) {
  return call("DELETE", std::move(target), "", cookie);
}

std::string NewsHarness::sign_in_as(const std::string& role, const std::string& agency,
                                    const std::string& phone_in) {
  const std::string phone =
      phone_in.empty() ? "09120000" + std::to_string(10 + next_phone_++) : phone_in;
  {
    soci::session sql(database_->pool());
    const accounts::OfficialInput input{.role = role,
                                        .phone = phone,
                                        .full_name = "Nông Thị Hoa",
                                        .agency = agency,
                                        .password = kPassword};
    REQUIRE(accounts::create_official(sql, accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                                      input, 1741064400));
  }
  const auto response = post("/api/v1/sessions", {{"phone", phone}, {"password", kPassword}}, "");
  REQUIRE_MESSAGE(response.status == 200, response.body);
  const auto token = session_token(response);
  REQUIRE(token.has_value());
  return *token;
}

nlohmann::json NewsHarness::create_article(const std::string& cookie, const std::string& title,
                                           const std::string& text, bool published,
                                           const std::string& category) {
  const auto response = post("/api/v1/news",
                             {{"title", title},
                              {"summary", ""},
                              {"text", text},
                              {"category", category},
                              {"published", published}},
                             cookie);
  REQUIRE_MESSAGE(response.status == 201, response.body);
  return body_of(response)["article"];
}

FeedServer::FeedServer()
    : process("node", {CDSCB_SOURCE_DIR "/sandbox/news/server.mjs", "--port", "0", "--dir",
                       dir.path().string()}) {
  const std::string line = process.first_line(std::chrono::seconds(20));
  const unsigned short port = listening_port(line);
  REQUIRE_MESSAGE(port != 0, "stdout was: " << line);
  base = "http://127.0.0.1:" + std::to_string(port);
  write_file(dir.path() / "anh-1.png", make_png(800, 500));
  write_file(dir.path() / "anh-2.png", make_png(300, 200));
}

std::string FeedServer::serve(const std::string& name, const std::string& as) {
  std::ifstream in(std::string(CDSCB_SOURCE_DIR) + "/tests/server/fixtures/news/" + name);
  REQUIRE_MESSAGE(in, "missing fixture " << name);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  for (std::size_t at; (at = text.find("{base}")) != std::string::npos;) text.replace(at, 6, base);
  write_file(dir.path() / as, text);
  return base + "/files/" + as;
}

}  // namespace cdscb::server::testing
