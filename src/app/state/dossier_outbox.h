#pragma once
// A public-service dossier as an outbox item (state/outbox.h): "Gửi hồ sơ" hands it over, so it is
// sent exactly once (its Idempotency-Key), also when the phone is offline at that moment or the
// answer is lost. Its form is the submission with the files still to upload listed apart:
//   {"submission": core::dossier_submission_json, "pending": [{"paper","kind"}, …]}
// where pending[i] is the file of OutboxItem::uploads[i]; the body puts each one's media id
// into the papers of the submission.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::app::state {

inline constexpr std::string_view kDossierKind = "dossier";

nlohmann::json dossier_body(const nlohmann::json& form, const std::vector<std::string>& media_ids);

}  // namespace cdscb::app::state
