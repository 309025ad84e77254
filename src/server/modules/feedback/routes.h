// Citizen feedback ("Phản ánh kiến nghị") from a phone to the responsible agency and back. The
// endpoints (docs/ARCHITECTURE.md "The API" says how they answer):
//   GET    /api/v1/feedback/fields                       → {"fields"}
//   POST   /api/v1/feedback          (Idempotency-Key)   → 201 {"feedback"} | 200 same key again
//   GET    /api/v1/feedback/mine | /similar | /<id>
//   POST   /api/v1/feedback/<id>/rating | /reopen | /actions ;  POST|DELETE /<id>/follow
//   GET|POST /api/v1/feedback/following ;  DELETE /api/v1/feedback/following/<token>
//   GET    /api/v1/officer/feedback                      (queue of the official's agency)
//   GET    /api/v1/officer/colleagues?feedback=<id>      (officials "Giao cho cán bộ" offers)
//   GET    /api/v1/public/feedback                       (published, no personal data)
//   GET|POST /api/v1/admin/feedback-fields ;  PATCH /api/v1/admin/feedback-fields/<code>
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "db/database.h"
#include "http/router.h"
#include "integrations/media/media_store.h"
#include "modules/accounts/personal_data.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

// What the module needs of the photo store (integrations/media): whether an uploaded photo
// exists, and its URLs. Feedback rows keep only the media id.
struct FeedbackPhotos {
  std::function<bool(std::string_view id)> exists;
  std::function<std::string(std::string_view id)> url;
  std::function<std::string(std::string_view id)> thumb_url;
};

// FeedbackPhotos backed by the server's photo store.
FeedbackPhotos feedback_photos(std::shared_ptr<const media::MediaStore> store);

struct FeedbackDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
  FeedbackPhotos photos;
};

// Loads data/feedback_fields.csv from `data_dir` into its table (see reference_data.h), after
// the agencies module loaded the agencies; throws std::runtime_error for a malformed file.
void load_feedback_reference_data(db::Database& database, const std::filesystem::path& data_dir);

// Folds the search text of feedback rows that have none yet (see db/schema/feedback_search.cpp);
// call at start, before serving, so that ?q= of the public list sees every row.
void fill_feedback_search_text(db::Database& database);

void register_feedback_routes(http::Router& router, const FeedbackDeps& deps);

// "Download my data" and "delete my account" for feedback: the export holds my feedback, what I
// follow and my notifications; deletion keeps the feedback for the government, detached from me.
accounts::PersonalDataSection feedback_personal_data();

}  // namespace cdscb::server
