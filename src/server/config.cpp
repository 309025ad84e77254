#include "config.h"

#include <cstdlib>
#include <map>
#include <stdexcept>

#include "db/database.h"
#include "http/client_address.h"
#include "http/middleware.h"
#include "integrations/http_client.h"
#include "util/strings.h"

namespace cdscb::server {
namespace {

// Flags that take a value, with the environment variable each falls back to.
const std::map<std::string, const char*, std::less<>> kValueFlags = {
    {"--listen", "LISTEN"},
    {"--db", "DATABASE_URL"},
    {"--data-dir", "DATA_DIR"},
    {"--site-dir", "SITE_DIR"},
    {"--seed-dir", "SEED_DIR"},
    {"--directory-csv", "DIRECTORY_CSV"},
    {"--public-origin", "PUBLIC_ORIGIN"},
    {"--tile-url", "TILE_URL"},
    {"--tile-attribution", "TILE_ATTRIBUTION"},
    {"--threads", "THREADS"},
    {"--workers", "WORKERS"},
    {"--max-body", "MAX_BODY"},
    {"--max-connections", "MAX_CONNECTIONS"},
    {"--sms-url", "SMS_URL"},
    {"--trusted-proxy", "TRUSTED_PROXIES"},
    {"--allow-private-fetch", "ALLOW_PRIVATE_FETCH"},
    {"--ca-file", "CA_FILE"},
    {"--vneid-issuer", "VNEID_ISSUER"},
    {"--vneid-client-id", "VNEID_CLIENT_ID"},
    {"--vneid-redirect-uri", "VNEID_REDIRECT_URI"},
    {"--news-feed", "NEWS_FEEDS"},
    {"--news-feed-interval", "NEWS_FEED_INTERVAL"},
    {"--rate-limits", "RATE_LIMITS"},
    {"--bills-url", "BILLS_URL"},
    {"--vnpay-url", "VNPAY_URL"},
    {"--vnpay-tmn-code", "VNPAY_TMN_CODE"},
    {"--vietqr-bin", "VIETQR_BIN"},
    {"--vietqr-account", "VIETQR_ACCOUNT"},
    {"--camera-nvr", "CAMERA_NVR"},
    {"--metrics-listen", "METRICS_LISTEN"},
    {"--log-format", "LOG_FORMAT"},
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The non-empty items of "a, b,c" (a repeated flag's values are joined with commas too).
std::vector<std::string> comma_list(std::string_view value) {
  std::vector<std::string> items;
  for (const std::string_view part : util::split(value, ',')) {
    std::string item(util::trim(part));
    if (!item.empty()) items.push_back(std::move(item));
  }
  return items;
}

// "host:port", "[v6]:port" or ":port" (an empty host keeps the default).
std::pair<std::string, std::uint16_t> parse_listen(std::string_view flag, std::string_view value) {
  const std::string f(flag);
  std::string_view host;
  std::string_view port;
  if (value.starts_with('[')) {
    const std::size_t close = value.find(']');
    if (close == std::string_view::npos || value.substr(close + 1, 1) != ":") {
      throw UsageError(f + ": expected [address]:port, got " + std::string(value));
    }
    host = value.substr(1, close - 1);
    port = value.substr(close + 2);
  } else {
    const std::size_t colon = value.rfind(':');
    if (colon == std::string_view::npos) {
      throw UsageError(f + ": expected address:port, got " + std::string(value));
    }
    host = value.substr(0, colon);
    port = value.substr(colon + 1);
  }
  const auto number = util::parse_unsigned(port);
  if (!number || *number > 65535) throw UsageError(f + ": bad port in " + std::string(value));
  return {std::string(host), static_cast<std::uint16_t>(*number)};
}

void apply_listen(std::string_view value, Config& config) {
  auto [host, port] = parse_listen("--listen", value);
  if (!host.empty()) config.listen_host = std::move(host);
  config.listen_port = port;
}

unsigned parse_count(std::string_view flag, std::string_view value, unsigned long long max) {
  const auto number = util::parse_unsigned(value);
  if (!number || *number == 0 || *number > max) {
    throw UsageError(std::string(flag) + ": expected a number from 1 to " + std::to_string(max) +
                     ", got " + std::string(value));
  }
  return static_cast<unsigned>(*number);
}

// The origin of an http(s) URL template, checked to be safe inside the CSP header.
std::string origin_of_url(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) throw UsageError("--tile-url: not an http(s) URL");
  const std::size_t path_start = url.find('/', scheme_end + 3);
  const auto origin = http::normalize_origin(url.substr(0, path_start));
  if (!origin || origin->find_first_of(";,'\" {}") != std::string::npos) {
    throw UsageError("--tile-url: not an http(s) URL: " + std::string(url));
  }
  return *origin;
}

void apply(std::string_view flag, const std::string& value, Config& config) {
  if (flag == "--listen") {
    apply_listen(value, config);
  } else if (flag == "--db") {
    if (!db::parse_database_url(value)) {
      throw UsageError("--db: expected sqlite:PATH or postgresql://..., got " + value);
    }
    config.database_url = value;
  } else if (flag == "--data-dir") {
    config.data_dir = value;
  } else if (flag == "--site-dir") {
    config.site_dir = value;
  } else if (flag == "--seed-dir") {
    config.seed_dir = value;
  } else if (flag == "--directory-csv") {
    config.directory_csv = value;
  } else if (flag == "--public-origin") {
    if (value.empty()) {
      config.public_origin.clear();
      return;
    }
    const auto origin = http::normalize_origin(value);
    if (!origin) throw UsageError("--public-origin: expected https://host[:port], got " + value);
    config.public_origin = *origin;
  } else if (flag == "--tile-url") {
    config.tile_origin = value.empty() ? std::string() : origin_of_url(value);
    config.tile_url = value;
  } else if (flag == "--tile-attribution") {
    config.tile_attribution = value;
  } else if (flag == "--threads") {
    config.io_threads = parse_count(flag, value, 256);
  } else if (flag == "--workers") {
    config.workers = parse_count(flag, value, 1024);
  } else if (flag == "--max-body") {
    const auto size = parse_size(value);
    if (!size) throw UsageError("--max-body: expected a size such as 1M, got " + value);
    config.max_body = *size;
  } else if (flag == "--max-connections") {
    config.max_connections = parse_count(flag, value, 1'000'000);
  } else if (flag == "--sms-url") {
    if (!value.empty() && !integrations::parse_http_url(value)) {
      throw UsageError("--sms-url: expected http(s)://host[:port]/path, got " + value);
    }
    config.sms_url = value;
  } else if (flag.starts_with("--bills-") || flag.starts_with("--vnpay-") ||
             flag.starts_with("--vietqr-")) {
    try {
      apply_payments_flag(flag, value, config.payments);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  } else if (flag == "--trusted-proxy") {
    for (const std::string& item : comma_list(value)) {
      const auto ip = http::normalize_ip(item);
      if (!ip) throw UsageError("--trusted-proxy: expected an IP address, got " + item);
      config.trusted_proxies.push_back(*ip);
    }
  } else if (flag == "--allow-private-fetch") {
    for (const std::string& item : comma_list(value)) {
      const auto allowed = integrations::parse_allowed_address(item);
      if (!allowed) {
        throw UsageError(
            "--allow-private-fetch: expected ADDRESS:PORT, [IPV6]:PORT, ADDRESS or a CIDR "
            "such as 10.0.0.0/8, got " +
            item);
      }
      config.outbound.allowed.push_back(*allowed);
    }
  } else if (flag == "--ca-file") {
    std::error_code ec;
    if (!value.empty() && !std::filesystem::is_regular_file(value, ec)) {
      throw UsageError("--ca-file: no such file: " + value);
    }
    config.ca_file = value;
  } else if (flag == "--vneid-issuer") {
    if (!value.empty() && !value.starts_with("http://") && !value.starts_with("https://")) {
      throw UsageError("--vneid-issuer: expected an http(s) URL, got " + value);
    }
    config.vneid_issuer = value;
  } else if (flag == "--vneid-client-id") {
    config.vneid_client_id = value;
  } else if (flag == "--vneid-redirect-uri") {
    if (!value.empty() && !value.starts_with("http://") && !value.starts_with("https://")) {
      throw UsageError("--vneid-redirect-uri: expected an http(s) URL, got " + value);
    }
    config.vneid_redirect_uri = value;
  } else if (flag == "--news-feed") {
    // NEWS_FEEDS holds several URLs separated by spaces; the flag is repeated instead.
    for (const auto part : util::split(value, ' ')) {
      if (part.empty()) continue;
      if (!integrations::parse_http_url(part)) {
        throw UsageError("--news-feed: expected http(s)://host[:port]/path, got " +
                         std::string(part));
      }
      config.news_feeds.emplace_back(part);
    }
  } else if (flag == "--news-feed-interval") {
    config.news_feed_interval = parse_count(flag, value, 7 * 24 * 3600);
  } else if (flag == "--metrics-listen") {
    auto [host, port] = parse_listen(flag, value);
    config.metrics_listen = {host.empty() ? std::string("127.0.0.1") : host, port};
  } else if (flag == "--log-format") {
    if (value != "text" && value != "json")
      throw UsageError("--log-format: expected text or json, got " + value);
    config.log_json = value == "json";
  } else if (flag == "--camera-nvr") {
    std::string base = value;
    while (base.ends_with('/')) base.pop_back();
    if (!base.empty() && !integrations::parse_http_url(base)) {
      throw UsageError("--camera-nvr: expected http(s)://host[:port], got " + value);
    }
    config.camera_nvr = base;
  } else if (flag == "--rate-limits") {
    if (value != "on" && value != "off") {
      throw UsageError("--rate-limits: expected on or off, got " + value);
    }
    config.rate_limits = value == "on";
  }
}

}  // namespace

EnvLookup process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const auto number = util::parse_unsigned(text.substr(0, digits));
  if (!number) return std::nullopt;
  const std::string unit = util::to_lower(text.substr(digits));
  unsigned long long multiplier = 1;
  if (unit == "k" || unit == "kib") {
    multiplier = 1ull << 10;
  } else if (unit == "m" || unit == "mib") {
    multiplier = 1ull << 20;
  } else if (unit == "g" || unit == "gib") {
    multiplier = 1ull << 30;
  } else if (!unit.empty() && unit != "b") {
    return std::nullopt;
  }
  if (*number > (1ull << 40) / multiplier) return std::nullopt;
  return static_cast<std::size_t>(*number * multiplier);
}

ConfigResult parse_config(const std::vector<std::string>& args, const EnvLookup& env) {
  std::map<std::string, std::string, std::less<>> flags;
  std::vector<std::string> news_feeds;  // --news-feed may be given more than once
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") return {std::nullopt, 0, usage_text()};
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    if (!kValueFlags.count(name)) {
      return {std::nullopt, 2, "unknown option: " + arg + "\nTry --help."};
    }
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return {std::nullopt, 2, "option " + name + " needs a value\nTry --help."};
    }
    // --trusted-proxy and --allow-private-fetch may repeat: the values add up; other flags: the
    // last one wins.
    if ((name == "--trusted-proxy" || name == "--allow-private-fetch") && flags.count(name)) {
      flags[name] += "," + value;
    } else {
      flags[name] = value;
    }
    if (name == "--news-feed") news_feeds.push_back(flags[name]);
  }

  Config config;
  try {
    for (const auto& [flag, variable] : kValueFlags) {
      if (flags.count(flag)) continue;
      if (auto value = env(variable)) apply(flag, *value, config);
      // PORT (as set by hosting platforms) replaces only the port of LISTEN or the default.
      if (flag == "--listen") {
        if (auto port = env("PORT")) apply_listen(":" + *port, config);
      }
    }
    for (const auto& [flag, value] : flags) {
      if (flag != "--news-feed") apply(flag, value, config);
    }
    for (const auto& feed : news_feeds) apply("--news-feed", feed, config);
    if (auto secret = env("VNEID_CLIENT_SECRET")) config.vneid_client_secret = *secret;
    read_payments_secrets(env, config.payments);
    const bool any_vneid = !config.vneid_issuer.empty() || !config.vneid_client_id.empty() ||
                           !config.vneid_client_secret.empty();
    if (any_vneid && !config.vneid_enabled()) {
      throw UsageError(
          "VNeID login needs all of --vneid-issuer, --vneid-client-id and the environment "
          "variable VNEID_CLIENT_SECRET");
    }
  } catch (const UsageError& e) {
    return {std::nullopt, 2, std::string(e.what()) + "\nTry --help."};
  }
  return {std::move(config), 0, {}};
}

std::string Config::origin() const {
  if (!public_origin.empty()) return public_origin;
  const bool v6 = listen_host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + listen_host + "]" : listen_host) + ":" +
         std::to_string(listen_port);
}

std::string Config::vneid_callback_uri() const {
  if (!vneid_redirect_uri.empty()) return vneid_redirect_uri;
  return origin() + "/api/v1/auth/vneid/callback";
}

std::string usage_text() {
  return R"(Usage: cdscb-server [options]

The server of Công dân số Cao Bằng: the JSON API under /api/v1 and the built web app.
Each option may also be set by the environment variable in brackets; an option wins.

  --listen ADDR:PORT       address to listen on [LISTEN; PORT replaces only the port]
                           (default 127.0.0.1:8080; port 0 picks a free port)
  --db URL                 sqlite:PATH or postgresql://user:pass@host/db [DATABASE_URL]
                           (default sqlite:var/app.db; a PostgreSQL password with spaces
                           goes in PGPASSWORD instead)
  --data-dir DIR           data directory, created if missing [DATA_DIR] (default var/)
  --site-dir DIR           built web app to serve [SITE_DIR] (default build/site)
  --seed-dir DIR           agencies.csv, feedback_fields.csv, holidays.csv and cameras.csv
                           to load [SEED_DIR] (default data/)
  --directory-csv FILE     the government directory loaded on the first start only
                           [DIRECTORY_CSV] (default data/directory.csv)
  --public-origin ORIGIN   https://host the app is served from, for the Origin check
                           [PUBLIC_ORIGIN] (default: http://LISTEN)
  --tile-url TEMPLATE      map tile URL such as https://tiles.example/{z}/{x}/{y}.png
                           [TILE_URL]
  --tile-attribution TEXT  attribution shown on the map [TILE_ATTRIBUTION]
  --threads N              I/O threads [THREADS] (default 2)
  --workers N              threads for API handlers and the database [WORKERS] (default 4)
  --metrics-listen ADDR:PORT  serve GET /metrics (Prometheus) there, apart from the app
                           [METRICS_LISTEN] (default: off)
  --log-format text|json   one line per event, as text or as a JSON object [LOG_FORMAT]
  --max-body SIZE          largest request body, e.g. 1M [MAX_BODY] (default 1M)
  --max-connections N      open connections at most [MAX_CONNECTIONS] (default 10000)
  --sms-url URL            SMS gateway that takes POST {"to","text"} as JSON, e.g.
                           http://127.0.0.1:8025/messages (sandbox/sms) [SMS_URL]
                           (default none: confirmation codes cannot be sent)
  --ca-file FILE           PEM certificate authorities trusted for outbound https (SMS
                           gateway, VNeID, news feeds, bill providers, VNPay) [CA_FILE]
                           (default: the system's CA store)
  --trusted-proxy IP       a reverse proxy whose X-Forwarded-For names the client, for
                           per-address limits; repeat it or give a comma list
                           [TRUSTED_PROXIES] (default none: the TCP peer is the client;
                           behind a proxy, set it, or all clients share the proxy's limits)
  --allow-private-fetch A  let outbound HTTP (SMS gateway, VNeID, news feeds and their
                           images, bill providers, VNPay) connect to this non-public address: ADDRESS:PORT,
                           [IPV6]:PORT, ADDRESS (any port) or a CIDR such as 10.0.0.0/8;
                           repeat it or give a comma list [ALLOW_PRIVATE_FETCH] (default
                           none: loopback, private, link-local and other special-purpose
                           addresses are refused, whatever name resolves to them)
  --vneid-issuer URL       "Đăng nhập bằng VNeID": the OpenID provider's issuer, e.g.
                           http://127.0.0.1:PORT (sandbox/vneid) [VNEID_ISSUER]; needs
                           --vneid-client-id and VNEID_CLIENT_SECRET (environment only)
  --vneid-client-id ID     this server's client id at the provider [VNEID_CLIENT_ID]
  --vneid-redirect-uri URL callback registered with the provider [VNEID_REDIRECT_URI]
                           (default: public origin or http://LISTEN, then
                           /api/v1/auth/vneid/callback)
  --news-feed URL          RSS 2.0 or Atom feed of an official portal to import news from,
                           http:// or https://; repeat for several [NEWS_FEEDS, separated
                           by spaces] (default none)
  --news-feed-interval S   seconds between two imports of every feed [NEWS_FEED_INTERVAL]
                           (default 900); a failed feed is tried again next round
  --bills-url URL          the bill providers' endpoint, each provider under /v1/ID/
                           (sandbox/bills) [BILLS_URL]; a provider (evn, water, vnpt,
                           viettel, mobifone) is offered once BILLS_SECRET_ID is set in the
                           environment, e.g. BILLS_SECRET_EVN (default none: no bill payment)
  --vnpay-url URL          the VNPay gateway (sandbox/vnpay) [VNPAY_URL]; needs
                           --vnpay-tmn-code and VNPAY_HASH_SECRET (environment only)
  --vnpay-tmn-code CODE    this merchant's terminal code at VNPay [VNPAY_TMN_CODE]
  --vietqr-bin BIN         the collection account's bank (6-digit NAPAS BIN) [VIETQR_BIN]
  --vietqr-account NO      the collection account for "Mã VietQR" [VIETQR_ACCOUNT]; needs
                           --vietqr-bin and VIETQR_WEBHOOK_SECRET (the collecting bank's
                           notification signature, environment only)
  --camera-nvr URL         the camera recorder (NVR) whose address fills "{nvr}" in the
                           source URLs of SEED_DIR/cameras.csv, e.g. http://127.0.0.1:8087
                           (sandbox/cameras; allow it with --allow-private-fetch) [CAMERA_NVR]
                           (default none: those cameras stay "offline"). The cameras of
                           cameras.csv not yet in the database are added at every start.
  --rate-limits on|off     per-account limits on feedback, following, "similar" and photo
                           uploads [RATE_LIMITS] (default on; off only for load tests)
  --help                   show this text

Commands, run instead of the server against the same database (--db / DATABASE_URL):
  user add --role admin|officer [--agency NAME] --phone 09xxxxxxxx --name "Họ tên"
           --password-stdin
                           create an official's account, the password read from stdin;
                           prints the new account's id
  seed-demo                create (or reset) one demo official per role with fixed demo
                           passwords and print their logins; for development only
)";
}

}  // namespace cdscb::server
