// Every kind of submission the outbox sends. A new kind (a public-service dossier) is one more
// entry: its name, its endpoint and how its body is made.
#include <array>

#include "app/state/feedback_form.h"
#include "app/state/outbox.h"

namespace cdscb::app::state {

const SubmissionKind* find_kind(std::string_view name) {
  static const std::array<SubmissionKind, 1> kKinds = {
      SubmissionKind{kFeedbackKind, "/api/v1/feedback", feedback_body},
  };
  for (const auto& kind : kKinds)
    if (kind.name == name) return &kind;
  return nullptr;
}

}  // namespace cdscb::app::state
