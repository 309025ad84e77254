// The one list of server modules: each registers its routes from the dependencies it needs.
#pragma once

#include "config.h"
#include "db/database.h"
#include "http/router.h"
#include "integrations/sms/sms_sender.h"

namespace cdscb::server {

struct ModuleDeps {
  db::Database& database;
  const Config& config;
  integrations::SmsSender& sms;
};

void register_modules(http::Router& router, const ModuleDeps& deps);

}  // namespace cdscb::server
