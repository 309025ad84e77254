#include "modules/modules.h"

#include <memory>

#include "integrations/vneid/http_fetch_adapter.h"
#include "modules/accounts/routes.h"
#include "modules/config/routes.h"
#include "modules/health/routes.h"
#include "modules/news/media_images.h"
#include "modules/news/routes.h"
#include "modules/vneid/routes.h"
#include "util/log.h"
#include "version.h"

namespace cdscb::server {

void register_modules(http::Router& router, const ModuleDeps& deps) {
  register_health_routes(router,
                         {.database = deps.database, .version = std::string(server_version())});
  register_config_routes(router, {.tile_url = deps.config.tile_url,
                                  .tile_attribution = deps.config.tile_attribution,
                                  .vneid = deps.config.vneid_enabled()});
  // One Sessions for every module that needs to know who is asking.
  const accounts::Sessions sessions(
      deps.database, {.secure_cookie = deps.config.public_origin.starts_with("https://")});
  register_accounts_routes(router, {.database = deps.database,
                                    .sms = deps.sms,
                                    .sessions = sessions,
                                    .hasher = accounts::PasswordHasher()});
  register_news_routes(router, {.database = deps.database,
                                .sessions = sessions,
                                .images = std::make_shared<news::MediaImages>(
                                    media::MediaStore(deps.config.data_dir / "media"))});
  std::shared_ptr<integrations::vneid::OidcClient> vneid_client;
  if (deps.config.vneid_enabled()) {
    vneid_client = std::make_shared<integrations::vneid::OidcClient>(
        integrations::vneid::OidcConfig{.issuer = deps.config.vneid_issuer,
                                        .client_id = deps.config.vneid_client_id,
                                        .client_secret = deps.config.vneid_client_secret,
                                        .redirect_uri = deps.config.vneid_callback_uri()},
        integrations::vneid::make_http_fetch());
    util::log_info("VNeID login on: issuer " + deps.config.vneid_issuer + ", callback " +
                   deps.config.vneid_callback_uri());
    if (deps.config.vneid_issuer.starts_with("https://")) {
      util::log_warn(
          "VNeID: the server's HTTP client speaks plain http only, so an https issuer "
          "cannot be reached yet");
    }
  }
  register_vneid_routes(router,
                        {.database = deps.database,
                         .sessions = sessions,
                         .hasher = accounts::PasswordHasher(),
                         .client = vneid_client,
                         .secure_cookie = deps.config.public_origin.starts_with("https://")});
}

}  // namespace cdscb::server
