// cdscb-server: parse the configuration, open and migrate the database, load the web app, register
// the modules' routes and serve until SIGTERM or SIGINT.
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/backup_command.h"
#include "cli/user_commands.h"
#include "config.h"
#include "db/database.h"
#include "db/migrations.h"
#include "http/pipeline.h"
#include "http/rate_limit.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "integrations/sms/http_sms_sender.h"
#include "metrics_endpoint.h"
#include "modules/modules.h"
#include "modules/news/feed_import.h"
#include "modules/news/media_images.h"
#include "util/log.h"

namespace {

using namespace cdscb::server;

// Each connection is a file descriptor: raise the soft limit to the hard one.
void raise_file_limit(std::size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted + 64) {
    util::log_warn("open file limit " + std::to_string(limit.rlim_cur) +
                   " is below --max-connections; some connections will be refused");
  }
}

http::StaticFiles load_site(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    util::log_warn("site directory " + dir.string() + " not found: serving the API only");
    return {};
  }
  http::StaticFiles site = http::StaticFiles::load(dir);
  util::log_info("loaded " + std::to_string(site.file_count()) + " site files (" +
                 std::to_string(site.total_bytes()) + " bytes) from " + dir.string());
  return site;
}

constexpr std::chrono::milliseconds kJobsPollInterval{500};

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

int run(const Config& config) {
  std::filesystem::create_directories(config.data_dir);
  const auto url = db::parse_database_url(config.database_url);
  if (!url) throw std::runtime_error("bad database URL");  // parse_config checked it already
  db::create_database_directory(*url);
  // One session per worker: handlers only touch the database on the worker pool.
  db::Database database(*url, config.workers);
  const db::MigrationResult migrated = db::migrate(database);
  util::log_info("database schema version " + std::to_string(migrated.version) + " (" +
                 std::to_string(migrated.applied) + " migration(s) applied now)");

  const http::StaticFiles site = load_site(config.site_dir);
  http::Router router;
  integrations::HttpSmsSender sms(config.sms_url, std::chrono::seconds(10), config.ca_file,
                                  config.outbound);
  if (config.sms_url.empty()) {
    util::log_warn("no SMS gateway (--sms-url): phone confirmation and reset codes cannot be sent");
  }
  jobs::Jobs jobs(database);
  const CameraServices camera_services = make_camera_services(config);
  const ModuleDeps module_deps{
      .database = database,
      .config = config,
      .sms = sms,
      .jobs = jobs,
      .media = std::make_shared<const media::MediaStore>(config.data_dir / "media"),
      .camera_relay = camera_services.relay,
      .camera_snapshots = camera_services.snapshots};
  http::set_rate_limits_enabled(config.rate_limits);
  if (!config.rate_limits) util::log_warn("rate limits are off (--rate-limits off)");
  seed_reference_data(module_deps);
  register_modules(router, module_deps);
  const http::Pipeline pipeline(router, site,
                                {.public_origin = config.public_origin,
                                 .tile_origin = config.tile_origin,
                                 .trusted_proxies = config.trusted_proxies});

  raise_file_limit(config.max_connections);
  http::Metrics metrics;
  http::Server server({.host = config.listen_host,
                       .port = config.listen_port,
                       .io_threads = config.io_threads,
                       .workers = config.workers,
                       .max_body = config.max_body,
                       .max_connections = config.max_connections,
                       .metrics = &metrics},
                      pipeline);
  add_app_gauges(metrics, database, camera_services.relay);
  // Declared after `server`, so it stops first: its gauges read the server.
  std::unique_ptr<MetricsEndpoint> metrics_endpoint;
  if (config.metrics_listen) {
    metrics_endpoint = std::make_unique<MetricsEndpoint>(metrics, config.metrics_listen->first,
                                                         config.metrics_listen->second);
    const std::uint16_t metrics_port = metrics_endpoint->start();
    std::printf("metrics on http://%s:%u/metrics\n", url_host(config.metrics_listen->first).c_str(),
                metrics_port);
  }
  for (auto& task : housekeeping_tasks(module_deps)) server.every(task.interval, task.run);
  // The jobs worker: one job at a time on one worker thread, so a stalled outside system holds
  // that thread only, and no pooled session (jobs/jobs.h).
  server.every(kJobsPollInterval, [&jobs] { jobs.run_due(); });
  // News feeds: imported on the worker pool now and every interval, until shutdown.
  // Built before the worker's first round: it registers the feed image job (news/image_fetch.h).
  news::FeedImporter feeds(database, jobs, std::make_shared<news::MediaImages>(*module_deps.media),
                           news::http_fetch(config.ca_file, config.outbound),
                           std::chrono::system_clock::now);
  if (!config.news_feeds.empty()) {
    server.every(std::chrono::seconds(config.news_feed_interval),
                 [&feeds, &config] { feeds.import_all(config.news_feeds); });
  }
  const std::uint16_t port = server.listen();
  // Tests and scripts wait for this exact line.
  std::printf("listening on http://%s:%u\n", url_host(config.listen_host).c_str(), port);
  std::fflush(stdout);
  server.run();
  util::log_info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const CommandIo io{std::cin, std::cout, std::cerr};
  if (const auto status = run_command(args, process_environment(), io)) return *status;
  if (const auto status = run_backup_command(args, process_environment(), io)) return *status;
  const ConfigResult parsed = parse_config(args, process_environment());
  if (!parsed.config) {
    (parsed.exit_code == 0 ? std::cout : std::cerr) << parsed.message << '\n';
    return parsed.exit_code;
  }
  util::set_log_json(parsed.config->log_json);
  try {
    return run(*parsed.config);
  } catch (const std::exception& e) {
    util::log_error(std::string("cannot start: ") + e.what());
    return 1;
  }
}
