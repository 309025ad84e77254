#pragma once
// What the "Tạo phản ánh" form holds: the draft the core rules check, plus the photos (blobs kept
// in IndexedDB under their key, with the object URL shown while the page lives). The same JSON is
// the saved draft and the body of an outbox item.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/state/outbox.h"
#include "core/feedback.h"

namespace cdscb::app::state {

struct FormPhoto {
  std::string key;       // IndexedDB key of the blob ("photo/…")
  std::string url;       // object URL for the thumbnail; empty until loaded after a reload
  std::string media_id;  // set once uploaded (the outbox never uploads twice)
};

// draft.photos only counts them for the rules; `photos` is what the form holds.
struct FeedbackForm {
  core::FeedbackDraft draft;
  std::vector<FormPhoto> photos;
};

nlohmann::json to_json(const FeedbackForm& form);
FeedbackForm form_from_json(const nlohmann::json& j);
// The body of POST /api/v1/feedback (photos are the uploaded media ids).
nlohmann::json request_body(const FeedbackForm& form);

// The outbox's kind "feedback": an item of `owner` from the form, and the form back from one.
inline constexpr std::string_view kFeedbackKind = "feedback";
OutboxItem feedback_item(std::string owner, const FeedbackForm& form, std::string key);
FeedbackForm feedback_form(const OutboxItem& item);
// SubmissionKind::body for feedback: the saved form with its photos' media ids.
nlohmann::json feedback_body(const nlohmann::json& form, const std::vector<std::string>& media_ids);

}  // namespace cdscb::app::state
