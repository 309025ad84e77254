#include "modules/vneid/vneid_harness.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "db/migrations.h"
#include "integrations/vneid/oidc_client.h"
#include "modules/accounts/passwords.h"
#include "modules/vneid/routes.h"

namespace cdscb::server::testing {

void Browser::keep(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie" && name != "set-cookie") continue;
    const std::size_t eq = value.find('=');
    const std::size_t end = value.find(';');
    REQUIRE(eq != std::string::npos);
    const std::string cookie = value.substr(0, eq);
    const std::string content = value.substr(eq + 1, end == std::string::npos ? end : end - eq - 1);
    if (content.empty() || value.find("Max-Age=0") != std::string::npos) {
      cookies.erase(cookie);
    } else {
      cookies[cookie] = content;
    }
  }
}

std::string Browser::session() const {
  const auto found = cookies.find("cdscb_session");
  return found == cookies.end() ? std::string() : found->second;
}

VneidHarness::VneidHarness(bool configured)
    : place(std::make_unique<TestDatabase>()),
      database(std::make_unique<db::Database>(place->url(), 2)) {
  set_up(configured);
}

VneidHarness::VneidHarness(const db::DatabaseUrl& url)
    : database(std::make_unique<db::Database>(url, 2)) {
  set_up(true);
}

void VneidHarness::set_up(bool configured) {
  db::migrate(*database);
  accounts = std::make_unique<AccountsHarness>(*database, "");
  // One time for everyone: the accounts module's clock catches up with the provider's.
  accounts->clock.advance(
      std::chrono::duration_cast<std::chrono::seconds>(provider.now - accounts->clock.now()));
  std::shared_ptr<integrations::vneid::OidcClient> client;
  if (configured) {
    client = std::make_shared<integrations::vneid::OidcClient>(provider.config(), provider.fetch(),
                                                               provider.clock());
  }
  register_vneid_routes(
      router_, {.database = *database,
                .sessions = accounts::Sessions(*database, {.now = accounts->clock.function()}),
                .hasher = accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                .client = client});
}

http::Response VneidHarness::call(Browser& browser, std::string method, std::string target,
                                  const std::string& body) {
  http::Request request = make_request(std::move(method), std::move(target));
  request.body = body;
  request.remote_address = browser.ip;
  if (!body.empty()) request.headers.add("Content-Type", "application/json");
  request.headers.add("User-Agent", "doctest");
  std::string cookie_header;
  for (const auto& [name, value] : browser.cookies) {
    if (!cookie_header.empty()) cookie_header += "; ";
    cookie_header += name + "=" + value;
  }
  if (!cookie_header.empty()) request.headers.add("Cookie", cookie_header);
  http::Response response = router_.dispatch(request);
  browser.keep(response);
  return response;
}

std::string VneidHarness::start(Browser& browser) {
  const auto response = get(browser, "/api/v1/auth/vneid/start");
  REQUIRE_MESSAGE(response.status == 302, response.body);
  return std::string(response.headers.get("Location").value_or(""));
}

http::Response VneidHarness::callback(Browser& browser, const std::string& query) {
  return get(browser, "/api/v1/auth/vneid/callback?" + query);
}

http::Response VneidHarness::log_in(Browser& browser) {
  const std::string url = start(browser);
  const std::string code = provider.authorize(url);
  const std::string state = vneid::query_params(url)["state"];
  return callback(browser,
                  query_string({{"code", code}, {"state", state}, {"iss", vneid::kIssuer}}));
}

void VneidHarness::advance(std::chrono::seconds by) {
  provider.now += by;
  accounts->clock.advance(by);
}

std::string query_string(const std::map<std::string, std::string>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += name + '=';
    for (const unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", c);
        out += escaped;
      }
    }
  }
  return out;
}

}  // namespace cdscb::server::testing
