#pragma once
// What the "Tạo phản ánh" form holds: the draft the core rules check, plus the photos (blobs kept
// in IndexedDB under their key, with the object URL shown while the page lives). The same JSON is
// the saved draft and the body of an outbox item.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/feedback.h"

namespace state {

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

}  // namespace state
