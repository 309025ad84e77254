#include "modules/dossiers/routes.h"

#include <soci/soci.h>

#include "modules/dossiers/catalogue.h"

namespace cdscb::server {

void register_dossier_routes(http::Router& router, const DossiersDeps& deps) {
  dossiers::register_catalogue_routes(router, deps);
  dossiers::register_file_routes(router, deps);
  dossiers::register_citizen_routes(router, deps);
  dossiers::register_prefill_routes(router, deps);
  dossiers::register_official_routes(router, deps);
  dossiers::register_fee_routes(router, deps);
  dossiers::register_admin_list_routes(router, deps);
}

void seed_dossier_reference_data(db::Database& database, const std::filesystem::path& seed_dir,
                                 long long now) {
  soci::session sql(database.pool());
  // Units first: a procedure names an agency whose unit makes its dossiers' codes.
  dossiers::seed_units(sql, seed_dir / "dossier_units.csv");
  dossiers::seed_procedures(sql, database.backend(), seed_dir / "procedures", now);
}

namespace dossiers {
long long now_seconds(const DossiersDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}
}  // namespace dossiers

}  // namespace cdscb::server
