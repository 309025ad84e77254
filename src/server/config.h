// Server configuration from command-line flags and environment variables (a flag wins).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "integrations/address_policy.h"
#include "payments_config.h"

namespace cdscb::server {

struct Config {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  // --metrics-listen: where GET /metrics answers (host, port); unset: nowhere.
  std::optional<std::pair<std::string, std::uint16_t>> metrics_listen;
  bool log_json = false;  // --log-format json
  std::string database_url = "sqlite:var/app.db";
  std::filesystem::path data_dir = "var";
  std::filesystem::path site_dir = "build/site";
  // CSV files officials edit (agencies, feedback fields), loaded into the database at start-up.
  std::filesystem::path seed_dir = "data";
  // Seeds the directory once, on the first start; afterwards admins edit it in the app.
  std::filesystem::path directory_csv = "data/directory.csv";
  std::string public_origin;  // normalised "https://host[:port]", or empty
  std::string tile_url;       // template such as "https://tiles.example/{z}/{x}/{y}.png"
  std::string tile_origin;    // the template's origin, for CSP img-src; empty without tile_url
  std::string tile_attribution = "© Những người đóng góp OpenStreetMap";
  std::string sms_url;  // http(s):// URL of the SMS gateway; empty: codes cannot be sent
  // Reverse proxies (canonical IP addresses) whose X-Forwarded-For names the client.
  std::vector<std::string> trusted_proxies;
  // Where outbound HTTP may connect: public addresses, and the private ones allowed with
  // --allow-private-fetch (a sandbox on 127.0.0.1, a gateway on the operator's network).
  integrations::AddressPolicy outbound;
  // PEM file of the certificate authorities trusted for outbound https (SMS gateway, VNeID);
  // empty: the system's store (ca-certificates).
  std::string ca_file;
  // "Đăng nhập bằng VNeID": on when issuer, client id and secret are all set. The secret comes
  // only from the environment (VNEID_CLIENT_SECRET), never a flag (visible in ps).
  std::string vneid_issuer;
  std::string vneid_client_id;
  std::string vneid_client_secret;
  std::string vneid_redirect_uri;  // empty: vneid_callback_uri() derives it
  // "Thanh toán không tiền mặt": bill providers, VNPay and VietQR (payments_config.h).
  PaymentsConfig payments;
  // The camera recorder (NVR) that fills "{nvr}" in the cameras' source URLs (data/cameras.csv),
  // e.g. http://127.0.0.1:8087 (sandbox/cameras); empty: such cameras stay offline.
  std::string camera_nvr;
  // The per-account limits of http/rate_limit.h; off only for load tests on a private server.
  bool rate_limits = true;

  bool vneid_enabled() const {
    return !vneid_issuer.empty() && !vneid_client_id.empty() && !vneid_client_secret.empty();
  }
  // The origin people and other systems reach this server at: --public-origin, else
  // "http://<listen host>:<port>" (development). Never taken from a request's Host header.
  std::string origin() const;
  // vneid_redirect_uri, or <public origin or http://<listen>>/api/v1/auth/vneid/callback.
  std::string vneid_callback_uri() const;
  // News feeds (RSS 2.0 or Atom) imported every news_feed_interval seconds; http:// only.
  std::vector<std::string> news_feeds;
  unsigned news_feed_interval = 900;
  unsigned io_threads = 2;
  unsigned workers = 4;
  std::size_t max_body = 1024 * 1024;
  std::size_t max_connections = 10000;
};

// Returns an environment variable's value, or nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
EnvLookup process_environment();

struct ConfigResult {
  std::optional<Config> config;  // set when the server should start
  int exit_code = 0;             // otherwise: 0 after --help, 2 for a usage error
  std::string message;           // usage text (--help) or what was wrong
};

// `args` excludes the program name.
ConfigResult parse_config(const std::vector<std::string>& args, const EnvLookup& env);

std::string usage_text();

// "1048576", "512K", "1M", "2MiB" → bytes; nullopt if malformed.
std::optional<std::size_t> parse_size(std::string_view text);

}  // namespace cdscb::server
