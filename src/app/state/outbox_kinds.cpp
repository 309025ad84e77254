// Every kind of submission the outbox sends. A new kind (a public-service dossier) is one more
// entry: its name, its endpoint and how its body is made.
#include <array>

#include "app/state/dossier_outbox.h"
#include "app/state/feedback_form.h"
#include "app/state/outbox.h"

namespace cdscb::app::state {

const SubmissionKind* find_kind(std::string_view name) {
  static const std::array<SubmissionKind, 2> kKinds = {
      SubmissionKind{kFeedbackKind, "/api/v1/feedback", feedback_body},
      SubmissionKind{kDossierKind, "/api/v1/dossiers", dossier_body, "/api/v1/dossiers/files",
                     "file"},
  };
  for (const auto& kind : kKinds)
    if (kind.name == name) return &kind;
  return nullptr;
}

}  // namespace cdscb::app::state
