#include "modules/modules.h"

#include <soci/soci.h>

#include <memory>

#include "db/idempotency.h"
#include "http/rate_limit.h"
#include "integrations/vneid/http_fetch_adapter.h"
#include "jobs/admin_routes.h"
#include "modules/accounts/housekeeping.h"
#include "modules/accounts/routes.h"
#include "modules/agencies/routes.h"
#include "modules/calendar/routes.h"
#include "modules/cameras/routes.h"
#include "modules/cameras/store.h"
#include "modules/config/routes.h"
#include "modules/directory/routes.h"
#include "modules/directory/store.h"
#include "modules/dossiers/fees.h"
#include "modules/dossiers/personal_data.h"
#include "modules/dossiers/routes.h"
#include "modules/feedback/routes.h"
#include "modules/health/routes.h"
#include "modules/media/purge.h"
#include "modules/media/routes.h"
#include "modules/news/media_images.h"
#include "modules/news/routes.h"
#include "modules/notifications/routes.h"
#include "modules/notifications/store.h"
#include "modules/open311/routes.h"
#include "modules/payments/personal_data.h"
#include "modules/payments/routes.h"
#include "modules/payments/settlement.h"
#include "modules/vneid/routes.h"
#include "util/log.h"
#include "version.h"

namespace cdscb::server {

namespace {

// The payment module's dependencies: its routes and its settlement task share them.
PaymentsDeps payments_deps(const ModuleDeps& deps, const accounts::Sessions& sessions) {
  integrations::HttpCall outbound;
  outbound.addresses = deps.config.outbound;
  outbound.ca_file = deps.config.ca_file;
  return {.database = deps.database,
          .sessions = sessions,
          .config = deps.config,
          .jobs = deps.jobs,
          .providers = std::make_shared<const payments::Providers>(deps.config.payments, outbound),
          .outbound = outbound,
          // A paid dossier fee is its dossier's fee-paid action, in the booking's transaction.
          .dossier_fee_paid = [&database = deps.database](
                                  soci::session& sql, const payments::Order& order, long long now) {
            return dossiers::take_fee_payment(sql, database.backend(), order, now);
          }};
}

CamerasDeps cameras_deps(const ModuleDeps& deps, const accounts::Sessions& sessions) {
  CameraServices made;
  if (!deps.camera_relay || !deps.camera_snapshots) made = make_camera_services(deps.config);
  return {.database = deps.database,
          .sessions = sessions,
          .relay = deps.camera_relay ? deps.camera_relay : made.relay,
          .snapshots = deps.camera_snapshots ? deps.camera_snapshots : made.snapshots};
}

}  // namespace

CameraServices make_camera_services(const Config& config) {
  return {.relay = std::make_shared<cameras::Relay>(cameras::RelayOptions{
              .nvr = config.camera_nvr, .addresses = config.outbound, .ca_file = config.ca_file}),
          .snapshots = std::make_shared<cameras::Snapshots>()};
}

void seed_reference_data(const ModuleDeps& deps) {
  std::error_code missing;
  if (std::filesystem::is_directory(deps.config.seed_dir, missing)) {
    seed_agencies(deps.database, deps.config.seed_dir);
    load_feedback_reference_data(deps.database, deps.config.seed_dir);
    seed_calendar(deps.database, deps.config.seed_dir);
    seed_dossier_reference_data(deps.database, deps.config.seed_dir,
                                accounts::unix_seconds(std::chrono::system_clock::now()));
  } else {
    util::log_warn("seed directory " + deps.config.seed_dir.string() +
                   " not found: no feedback fields, agencies or holidays loaded");
  }
  fill_feedback_search_text(deps.database);
  directory::seed_if_new(deps.database, deps.config.directory_csv,
                         accounts::unix_seconds(std::chrono::system_clock::now()));
  cameras::seed_cameras(deps.database, deps.config.seed_dir / "cameras.csv",
                        accounts::unix_seconds(std::chrono::system_clock::now()));
}

void register_modules(http::Router& router, const ModuleDeps& deps) {
  register_health_routes(router,
                         {.database = deps.database, .version = std::string(server_version())});
  register_config_routes(router, {.tile_url = deps.config.tile_url,
                                  .tile_attribution = deps.config.tile_attribution,
                                  .vneid = deps.config.vneid_enabled()});
  // One Sessions for every module that needs to know who is asking.
  const accounts::Sessions sessions(
      deps.database, {.secure_cookie = deps.config.public_origin.starts_with("https://")});
  register_accounts_routes(
      router, {.database = deps.database,
               .sms = deps.sms,
               .jobs = deps.jobs,
               .sessions = sessions,
               .hasher = accounts::PasswordHasher(),
               .personal_data = {feedback_personal_data(), notifications_personal_data(),
                                 payments::payments_personal_data(), vneid_personal_data(),
                                 dossiers::dossiers_personal_data()}});
  register_agencies_routes(router, {.database = deps.database});
  jobs::register_admin_routes(router, {.jobs = deps.jobs, .sessions = sessions});
  register_calendar_routes(router, {.database = deps.database, .sessions = sessions});
  register_notification_routes(router, {.database = deps.database, .sessions = sessions});
  // The photo store as feedback and Open311 use it (ids checked, URLs made).
  const FeedbackPhotos photos = feedback_photos(deps.media);
  register_feedback_routes(router,
                           {.database = deps.database, .sessions = sessions, .photos = photos});
  register_open311_routes(router, {.database = deps.database,
                                   .sessions = sessions,
                                   .photo_url = photos.url,
                                   .public_origin = deps.config.origin()});
  register_directory_routes(router, {.database = deps.database, .sessions = sessions});
  register_cameras_routes(router, cameras_deps(deps, sessions));
  register_news_routes(router, {.database = deps.database,
                                .sessions = sessions,
                                .images = std::make_shared<news::MediaImages>(*deps.media)});
  // Photos for feedback and news; those modules take the same store to check ids.
  register_media_routes(router,
                        {.database = deps.database, .sessions = sessions, .store = *deps.media});
  std::shared_ptr<integrations::vneid::OidcClient> vneid_client;
  if (deps.config.vneid_enabled()) {
    vneid_client = std::make_shared<integrations::vneid::OidcClient>(
        integrations::vneid::OidcConfig{.issuer = deps.config.vneid_issuer,
                                        .client_id = deps.config.vneid_client_id,
                                        .client_secret = deps.config.vneid_client_secret,
                                        .redirect_uri = deps.config.vneid_callback_uri()},
        integrations::vneid::make_http_fetch(std::chrono::seconds(10), deps.config.ca_file,
                                             deps.config.outbound));
    util::log_info("VNeID login on: issuer " + deps.config.vneid_issuer + ", callback " +
                   deps.config.vneid_callback_uri());
  }
  register_vneid_routes(router,
                        {.database = deps.database,
                         .sessions = sessions,
                         .hasher = accounts::PasswordHasher(),
                         .client = vneid_client,
                         .secure_cookie = deps.config.public_origin.starts_with("https://")});
  const PaymentsDeps payments = payments_deps(deps, sessions);
  if (!payments.providers->offered().empty()) {
    util::log_info("payments: " + std::to_string(payments.providers->offered().size()) +
                   " bill provider(s) at " + deps.config.payments.bills_url);
  }
  register_payments_routes(router, payments);
  register_dossier_routes(router, {.database = deps.database,
                                   .sessions = sessions,
                                   .media = deps.media,
                                   .public_origin = deps.config.origin()});
}

std::vector<HousekeepingTask> housekeeping_tasks(const ModuleDeps& deps) {
  std::vector<HousekeepingTask> tasks;
  tasks.push_back({"accounts purge", accounts::kHousekeepingInterval, [&database = deps.database] {
                     const auto counts = accounts::purge_expired(
                         database, accounts::unix_seconds(std::chrono::system_clock::now()));
                     if (counts.total() == 0) return;
                     util::log_info("accounts purge: " + std::to_string(counts.codes) + " codes, " +
                                    std::to_string(counts.sends) + " sends, " +
                                    std::to_string(counts.failures) + " login failures, " +
                                    std::to_string(counts.sessions) + " idle sessions, " +
                                    std::to_string(counts.accounts) + " unconfirmed accounts");
                   }});
  tasks.push_back({"rate limits purge", std::chrono::hours(1), [&database = deps.database] {
                     soci::session sql(database.pool());
                     http::purge_rate_limits(
                         sql, accounts::unix_seconds(std::chrono::system_clock::now()));
                   }});
  tasks.push_back({"notifications purge", std::chrono::hours(6), [&database = deps.database] {
                     soci::session sql(database.pool());
                     const long long deleted = notifications::purge_old(
                         sql, accounts::unix_seconds(std::chrono::system_clock::now()));
                     if (deleted > 0) {
                       util::log_info("notifications purge: " + std::to_string(deleted));
                     }
                   }});
  tasks.push_back(
      {"media purge", media::kMediaPurgeInterval, [&database = deps.database, store = deps.media] {
         const long long deleted = media::purge_unreferenced_media(
             database, *store, accounts::unix_seconds(std::chrono::system_clock::now()));
         if (deleted > 0) {
           util::log_info("media purge: " + std::to_string(deleted) + " unused photo(s)");
         }
       }});
  tasks.push_back({"jobs purge", jobs::kPurgeInterval, [&database = deps.database] {
                     const long long deleted = jobs::purge_finished(
                         database, accounts::unix_seconds(std::chrono::system_clock::now()));
                     if (deleted > 0) util::log_info("jobs purge: " + std::to_string(deleted));
                   }});
  tasks.push_back({"idempotency keys purge", std::chrono::hours(6), [&database = deps.database] {
                     soci::session sql(database.pool());
                     const long long deleted = db::purge_idempotency_keys(
                         sql, accounts::unix_seconds(std::chrono::system_clock::now()));
                     if (deleted > 0) {
                       util::log_info("idempotency keys purge: " + std::to_string(deleted));
                     }
                   }});
  // Orders whose time ran out: querydr for pending VNPay ones, then expiry (settlement.h).
  tasks.push_back({"payments settlement", payments::kSettleInterval,
                   [payments = payments_deps(deps, accounts::Sessions(deps.database))] {
                     payments::settle_expired_orders(payments);
                   }});
  // Cameras: a source that stops answering is "Mất kết nối" within 30 s (probe every 10 s with
  // a 5 s timeout), and back when it answers; snapshots for the cameras someone looks at.
  const CamerasDeps cameras = cameras_deps(deps, accounts::Sessions(deps.database));
  tasks.push_back(
      {"cameras probe", std::chrono::seconds(10), [cameras] { cameras::probe_cameras(cameras); }});
  tasks.push_back({"camera snapshots", std::chrono::seconds(5),
                   [cameras] { cameras::refresh_snapshots(cameras); }});
  return tasks;
}

}  // namespace cdscb::server
