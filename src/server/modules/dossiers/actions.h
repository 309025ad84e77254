// One step of a dossier along the status table (core/dossier.cpp), for citizens and officials
// alike: checked against the table and its guards, written only when the row still has the
// status read, with its timeline entry.
#pragma once

#include <functional>
#include <string_view>

#include "http/request.h"
#include "modules/accounts/sessions.h"
#include "modules/dossiers/routes.h"
#include "modules/dossiers/store.h"

namespace cdscb::server::dossiers {

// The dossier `{code}` of the request; 404 when missing or when `visible` says the caller may
// not know of it.
Dossier dossier_of(soci::session& sql, const DossiersDeps& deps, const http::Request& request);

// Takes `action` as `actor` (core::kActorCitizen / kActorOfficer) by `user` at `now`: 409
// "not_allowed" when the table refuses, 409 "changed" when another request changed the dossier
// first. `change` sets what the action changes besides the status (and the event's note and
// details); it runs inside the transaction and may throw an HttpError to refuse.
Dossier take_action(soci::session& sql, const DossiersDeps& deps, const Dossier& dossier,
                    std::string_view actor, std::string_view action, const accounts::AuthUser& user,
                    long long now, const std::function<void(Dossier&, Event&)>& change);

}  // namespace cdscb::server::dossiers
