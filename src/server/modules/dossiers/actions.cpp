#include "modules/dossiers/actions.h"

#include "core/dossier.h"
#include "modules/dossiers/dossier_json.h"
#include "modules/dossiers/messages.h"

namespace cdscb::server::dossiers {

Dossier dossier_of(soci::session& sql, const DossiersDeps& deps, const http::Request& request) {
  auto found =
      find_dossier(sql, deps.database.backend(), std::string(request.param("code").value_or("")));
  if (!found) throw http::HttpError(404, "not_found", messages::kDossierNotFound);
  return *found;
}

Dossier take_action(soci::session& sql, const DossiersDeps& deps, const Dossier& dossier,
                    std::string_view actor, std::string_view action, const accounts::AuthUser& user,
                    long long now, const std::function<void(Dossier&, Event&)>& change) {
  db::Transaction transaction(sql, deps.database.backend());
  const auto current = find_dossier(sql, deps.database.backend(), dossier.code, true);
  if (!current || current->status != dossier.status)
    throw http::HttpError(409, "changed", messages::kChangedMeanwhile);
  const auto next =
      core::next_dossier_status(current->status, action, actor, facts_of(*current, now));
  if (!next) throw http::HttpError(409, "not_allowed", messages::kNotAllowed);
  Dossier changed = *current;
  changed.status = std::string(*next);
  changed.updated_at = now;
  Event event;
  event.at = now;
  event.actor = actor;
  if (actor == core::kActorOfficer) event.actor_agency = current->agency;
  event.action = action;
  event.status = changed.status;
  change(changed, event);
  if (!update_dossier(sql, changed, current->status))
    throw http::HttpError(409, "changed", messages::kChangedMeanwhile);
  add_event(sql, changed.id, event, user.id);
  transaction.commit();
  return *find_dossier(sql, deps.database.backend(), dossier.code);
}

}  // namespace cdscb::server::dossiers
