#include "config.h"

#include <doctest/doctest.h>

#include <map>

using cdscb::server::Config;
using cdscb::server::ConfigResult;
using cdscb::server::EnvLookup;
using cdscb::server::parse_config;
using cdscb::server::parse_size;

namespace {

EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> std::optional<std::string> {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

Config parse_ok(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  const ConfigResult result = parse_config(args, env_of(std::move(env)));
  REQUIRE_MESSAGE(result.config.has_value(), result.message);
  return *result.config;
}

int exit_code_of(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  const ConfigResult result = parse_config(args, env_of(std::move(env)));
  CHECK_FALSE(result.config.has_value());
  CHECK_FALSE(result.message.empty());
  return result.exit_code;
}

}  // namespace

TEST_CASE("defaults") {
  const Config config = parse_ok({});
  CHECK(config.listen_host == "127.0.0.1");
  CHECK(config.listen_port == 8080);
  CHECK(config.database_url == "sqlite:var/app.db");
  CHECK(config.data_dir == "var");
  CHECK(config.site_dir == "build/site");
  CHECK(config.public_origin.empty());
  CHECK(config.tile_url.empty());
  CHECK(config.io_threads == 2);
  CHECK(config.max_body == 1024 * 1024);
  CHECK(config.max_connections == 10000);
}

TEST_CASE("flags in both spellings") {
  const Config config = parse_ok(
      {"--listen", "0.0.0.0:0", "--db=postgresql://u:p@db/cdscb", "--data-dir", "/srv/data",
       "--site-dir=/srv/site", "--public-origin", "https://CongDanSo.example/", "--tile-url",
       "http://127.0.0.1:9000/{z}/{x}/{y}.png", "--threads", "4", "--workers", "8", "--max-body",
       "2M", "--max-connections", "500"});
  CHECK(config.listen_host == "0.0.0.0");
  CHECK(config.listen_port == 0);
  CHECK(config.database_url == "postgresql://u:p@db/cdscb");
  CHECK(config.data_dir == "/srv/data");
  CHECK(config.site_dir == "/srv/site");
  CHECK(config.public_origin == "https://congdanso.example");
  CHECK(config.tile_url == "http://127.0.0.1:9000/{z}/{x}/{y}.png");
  CHECK(config.tile_origin == "http://127.0.0.1:9000");
  CHECK(config.io_threads == 4);
  CHECK(config.workers == 8);
  CHECK(config.max_body == 2 * 1024 * 1024);
  CHECK(config.max_connections == 500);
}

TEST_CASE("environment variables apply, a flag wins, PORT replaces only the port") {
  const std::map<std::string, std::string> env = {
      {"LISTEN", "0.0.0.0:9000"},
      {"PORT", "7000"},
      {"DATABASE_URL", "sqlite:/tmp/env.db"},
      {"SITE_DIR", "/env/site"},
      {"TILE_URL", "https://tiles.example/{z}/{x}/{y}.png"}};
  Config config = parse_ok({}, env);
  CHECK(config.listen_host == "0.0.0.0");
  CHECK(config.listen_port == 7000);
  CHECK(config.database_url == "sqlite:/tmp/env.db");
  CHECK(config.site_dir == "/env/site");
  CHECK(config.tile_origin == "https://tiles.example");

  config = parse_ok({"--listen", "127.0.0.1:1234", "--site-dir", "/flag/site"}, env);
  CHECK(config.listen_host == "127.0.0.1");
  CHECK(config.listen_port == 1234);
  CHECK(config.site_dir == "/flag/site");
  CHECK(config.database_url == "sqlite:/tmp/env.db");

  CHECK(parse_ok({}, {{"PORT", "3000"}}).listen_port == 3000);
  CHECK(parse_ok({}, {{"PORT", "3000"}}).listen_host == "127.0.0.1");
}

TEST_CASE("--help exits 0 with the usage text") {
  const ConfigResult result = parse_config({"--help"}, env_of({}));
  CHECK_FALSE(result.config);
  CHECK(result.exit_code == 0);
  CHECK(result.message.find("--listen") != std::string::npos);
  CHECK(result.message.find("DATABASE_URL") != std::string::npos);
}

TEST_CASE("unknown flags and bad values exit 2 with a message") {
  CHECK(exit_code_of({"--verbose"}) == 2);
  CHECK(exit_code_of({"--listen"}) == 2);  // missing value
  CHECK(exit_code_of({"--listen", "8080"}) == 2);
  CHECK(exit_code_of({"--listen", "127.0.0.1:65536"}) == 2);
  CHECK(exit_code_of({"--db", "mysql://x"}) == 2);
  CHECK(exit_code_of({"--threads", "0"}) == 2);
  CHECK(exit_code_of({"--workers", "many"}) == 2);
  CHECK(exit_code_of({"--max-body", "1T"}) == 2);
  CHECK(exit_code_of({"--public-origin", "congdanso.example"}) == 2);
  CHECK(exit_code_of({"--tile-url", "https://x';script-src */{z}.png"}) == 2);
  CHECK(exit_code_of({}, {{"PORT", "http"}}) == 2);
}

TEST_CASE("sizes take binary suffixes") {
  CHECK(parse_size("1048576") == 1048576);
  CHECK(parse_size("512K") == 512 * 1024);
  CHECK(parse_size("1MiB") == 1024 * 1024);
  CHECK(parse_size("1g") == 1024ull * 1024 * 1024);
  CHECK_FALSE(parse_size("M"));
  CHECK_FALSE(parse_size("-1"));
  CHECK_FALSE(parse_size("10 M"));
}

TEST_CASE("the SMS gateway URL comes from --sms-url or SMS_URL and must be http(s)") {
  CHECK(parse_ok({}).sms_url.empty());
  CHECK(parse_ok({"--sms-url", "http://127.0.0.1:8025/messages"}).sms_url ==
        "http://127.0.0.1:8025/messages");
  CHECK(parse_ok({}, {{"SMS_URL", "http://sms.internal/send"}}).sms_url ==
        "http://sms.internal/send");
  CHECK(parse_ok({"--sms-url", "https://sms.example/send"}).sms_url == "https://sms.example/send");
  CHECK(exit_code_of({"--sms-url", "ftp://sms.example/send"}) == 2);
  CHECK(exit_code_of({"--sms-url", "sms.example"}) == 2);
}

TEST_CASE("--trusted-proxy repeats or takes a comma list; none by default") {
  CHECK(parse_ok({}).trusted_proxies.empty());
  CHECK(parse_ok({"--trusted-proxy", "10.0.0.2", "--trusted-proxy=::1"}).trusted_proxies ==
        std::vector<std::string>{"10.0.0.2", "::1"});
  CHECK(parse_ok({"--trusted-proxy", "10.0.0.2, 10.0.0.3,::ffff:10.0.0.4"}).trusted_proxies ==
        std::vector<std::string>{"10.0.0.2", "10.0.0.3", "10.0.0.4"});
  CHECK(parse_ok({}, {{"TRUSTED_PROXIES", "192.0.2.1,192.0.2.2"}}).trusted_proxies.size() == 2);
  // A flag wins over the environment.
  CHECK(parse_ok({"--trusted-proxy", "10.0.0.9"}, {{"TRUSTED_PROXIES", "192.0.2.1"}})
            .trusted_proxies == std::vector<std::string>{"10.0.0.9"});
  CHECK(exit_code_of({"--trusted-proxy", "proxy.internal"}) == 2);
  CHECK(exit_code_of({"--trusted-proxy", "10.0.0.0/8"}) == 2);
}

TEST_CASE("--ca-file must name an existing file") {
  CHECK(parse_ok({}).ca_file.empty());
  CHECK(parse_ok({"--ca-file", CDSCB_SOURCE_DIR "/CMakeLists.txt"}).ca_file == CDSCB_SOURCE_DIR
        "/CMakeLists.txt");
  CHECK(exit_code_of({"--ca-file", "/nonexistent/ca.pem"}) == 2);
}

TEST_CASE("--help names the official-account commands") {
  const std::string usage = parse_config({"--help"}, env_of({})).message;
  CHECK(usage.find("--sms-url") != std::string::npos);
  CHECK(usage.find("user add --role admin|officer") != std::string::npos);
  CHECK(usage.find("seed-demo") != std::string::npos);
}
