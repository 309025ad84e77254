#include "modules/modules.h"

#include "modules/accounts/routes.h"
#include "modules/config/routes.h"
#include "modules/health/routes.h"
#include "version.h"

namespace cdscb::server {

void register_modules(http::Router& router, const ModuleDeps& deps) {
  register_health_routes(router,
                         {.database = deps.database, .version = std::string(server_version())});
  register_config_routes(
      router, {.tile_url = deps.config.tile_url, .tile_attribution = deps.config.tile_attribution});
  // One Sessions for every module that needs to know who is asking.
  const accounts::Sessions sessions(
      deps.database, {.secure_cookie = deps.config.public_origin.starts_with("https://")});
  register_accounts_routes(router, {.database = deps.database,
                                    .sms = deps.sms,
                                    .sessions = sessions,
                                    .hasher = accounts::PasswordHasher()});
}

}  // namespace cdscb::server
