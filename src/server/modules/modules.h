// The one list of server modules: each registers its routes from the dependencies it needs.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config.h"
#include "db/database.h"
#include "http/router.h"
#include "integrations/media/media_store.h"
#include "integrations/sms/sms_sender.h"
#include "jobs/jobs.h"
#include "modules/cameras/relay.h"
#include "modules/cameras/snapshots.h"

namespace cdscb::server {

struct ModuleDeps {
  db::Database& database;
  const Config& config;
  integrations::SmsSender& sms;
  // The queue of work for outside systems; modules register their kinds with it, main.cpp runs
  // its worker.
  jobs::Jobs& jobs;
  // The one photo store under <data-dir>/media: feedback and news check ids against it, the media
  // routes write to it, and the news feed importer stores feed images in it.
  std::shared_ptr<const media::MediaStore> media;
  // The camera relay (its cache, viewers, statuses) and the snapshots, shared by the camera
  // routes and their periodic tasks; make_camera_services(config) makes them. Null: each of
  // register_modules and housekeeping_tasks makes its own (tests that do not watch cameras).
  std::shared_ptr<cameras::Relay> camera_relay = nullptr;
  std::shared_ptr<cameras::Snapshots> camera_snapshots = nullptr;
};

struct CameraServices {
  std::shared_ptr<cameras::Relay> relay;
  std::shared_ptr<cameras::Snapshots> snapshots;
};
CameraServices make_camera_services(const Config& config);

// Loads the reference data officials edit as files (data/: agencies, feedback fields, holidays,
// the directory's first load) into the database without undoing an admin's edits, and folds
// search text missing from older rows. main.cpp runs it once at start, before serving.
void seed_reference_data(const ModuleDeps& deps);

void register_modules(http::Router& router, const ModuleDeps& deps);

// A module's periodic job (e.g. purging expired rows); main.cpp runs each at start and then
// every `interval` on the server's timer, on the worker pool.
struct HousekeepingTask {
  std::string name;
  std::chrono::milliseconds interval;
  std::function<void()> run;
};
std::vector<HousekeepingTask> housekeeping_tasks(const ModuleDeps& deps);

}  // namespace cdscb::server
