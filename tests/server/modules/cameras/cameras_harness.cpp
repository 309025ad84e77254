#include "modules/cameras/cameras_harness.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/accounts/officials.h"
#include "modules/accounts/passwords.h"
#include "modules/cameras/store.h"

namespace cdscb::server::testing {

CamerasHarness::CamerasHarness(std::chrono::milliseconds timeout)
    : deps{.database = accounts.database(),
           .sessions = accounts::Sessions(accounts.database(), {.now = accounts.clock.function()}),
           .relay = std::make_shared<cameras::Relay>(cameras::RelayOptions{
               .nvr = upstream.base(), .addresses = loopback_allowed(), .timeout = timeout}),
           .snapshots = std::make_shared<cameras::Snapshots>()} {
  register_cameras_routes(accounts.router(), deps);
  cameras::seed_cameras(accounts.database(),
                        std::filesystem::path(CDSCB_SOURCE_DIR) / "data/cameras.csv", 1764640800);
}

http::Response CamerasHarness::get(const std::string& target, const std::string& cookie,
                                   const std::string& if_none_match) {
  http::Request request = make_request("GET", target);
  request.remote_address = "203.0.113.7";
  if (!cookie.empty()) request.headers.add("Cookie", "cdscb_session=" + cookie);
  if (!if_none_match.empty()) request.headers.add("If-None-Match", if_none_match);
  return accounts.router().dispatch(request);
}

http::Response CamerasHarness::send(const std::string& method, const std::string& target,
                                    const nlohmann::json& body, const std::string& cookie) {
  return accounts.call(method, target, body.dump(), {.cookie = cookie});
}

nlohmann::json CamerasHarness::list(const std::string& query) {
  const auto response = get("/api/v1/cameras" + query);
  REQUIRE_MESSAGE(response.status == 200, response.body);
  return nlohmann::json::parse(response.body);
}

std::string CamerasHarness::admin() {
  soci::session sql(accounts.database().pool());
  accounts::OfficialInput input{.role = "admin",
                                .phone = "0900000001",
                                .full_name = "Quản Trị Viên",
                                .agency = "",
                                .password = "Quan tri vien 2025"};
  REQUIRE(accounts::create_official(sql, accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                                    input, 1764640800));
  return accounts.sign_in(input.phone, input.password);
}

std::string CamerasHarness::citizen() {
  return accounts.create_account("0987000123", "Mat khau dai 2025");
}

std::string CamerasHarness::stored_status(const std::string& code) {
  soci::session sql(accounts.database().pool());
  return cameras::find_camera(sql, code).value().status;
}

void CamerasHarness::serve_stream(std::chrono::milliseconds segment_delay) {
  upstream.set("/streams/cam1/master.m3u8",
               {.body = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=440000,RESOLUTION=640x360\n"
                        "360p.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=1320000,RESOLUTION=1280x720\n" +
                        upstream.base() + "/streams/cam1/720p.m3u8\n"});
  upstream.set("/streams/cam1/360p.m3u8",
               {.body = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                        "#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:2.000,\n360p_7.ts\n#EXTINF:2.000,\n"
                        "/streams/cam1/360p_8.ts?token=abc\n"});
  upstream.set("/streams/cam1/360p_7.ts", {.body = fake_segment('a'), .delay = segment_delay});
  upstream.set("/streams/cam1/360p_8.ts?token=abc", {.body = fake_segment('b')});
}

std::string fake_segment(char fill, std::size_t packets) {
  std::string bytes;
  for (std::size_t i = 0; i < packets; ++i) {
    bytes += '\x47';
    bytes += std::string(187, fill);
  }
  return bytes;
}

}  // namespace cdscb::server::testing
