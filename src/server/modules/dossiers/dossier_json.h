// Dossiers and procedures as the API's JSON (the contract is in routes.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/dossier.h"
#include "core/procedure.h"
#include "modules/dossiers/store.h"

namespace cdscb::server::dossiers {

// What the status table's guards read, as of `now`.
core::DossierFacts facts_of(const Dossier& dossier, long long now);

nlohmann::json procedure_summary_json(const core::Procedure& procedure);

// A list item: code, procedure, agency, status, dates, overdue, and the actions `actor` may take.
nlohmann::json summary_json(const Dossier& dossier, long long now, std::string_view actor);
// The whole dossier with its values, papers and timeline.
nlohmann::json detail_json(const Dossier& dossier, const std::vector<Event>& events, long long now,
                           std::string_view actor);
// "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the code, procedure, papers received, fee,
// received and due times.
// `fee_payment`: how the fee was paid (fees.h), nullopt while it was not.
nlohmann::json receipt_json(const Dossier& dossier, const core::Procedure& procedure,
                            const std::optional<nlohmann::json>& fee_payment);

}  // namespace cdscb::server::dossiers
