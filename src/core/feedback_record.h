#pragma once
// One feedback as the API sends it (GET /api/v1/feedback/<id>, the lists, the actions' answers):
// built by the server for what the viewer may see, read by the app. Its JSON is
// core/feedback_json.h. Times are RFC 3339 text as on the wire; a part the viewer may not see, or
// that does not exist yet, is nullopt (null on the wire, or the key left out for `assignee`,
// `updates` and `distance_m`).
#include <optional>
#include <string>
#include <vector>

#include "core/feedback.h"

namespace cdscb::core {

struct CodeName {
  std::string code;
  std::string name;
};

struct FeedbackPhoto {
  std::string id;
  std::string url;
  std::string thumb_url;
};

struct FeedbackAnswerBy {
  std::string name;
  std::string agency;
};

struct FeedbackAnswer {
  std::string text;
  std::vector<FeedbackPhoto> photos;
  std::optional<std::string> at;
  std::optional<FeedbackAnswerBy> by;
};

struct FeedbackRating {
  int stars = 0;
  std::string comment;
};

struct FeedbackAssignee {
  long long id = 0;
  std::string name;
};

// Who acted in an update: an official by name (their agency in public views), the author as
// "Người phản ánh"; no name when the update was the system's.
struct FeedbackActor {
  std::optional<std::string> name;
  std::string role;
};

struct FeedbackUpdate {
  std::string at;
  FeedbackActor actor;
  std::string action;
  std::string status;
  std::string status_label;
  std::optional<std::string> note;
  std::vector<FeedbackPhoto> photos;
};

struct FeedbackRecord {
  long long id = 0;
  std::string title;
  std::string content;
  CodeName field;
  CodeName agency;
  std::string status;
  std::string status_label;
  FeedbackLocation location;
  std::optional<std::string> address;
  std::optional<CodeName> commune;
  std::vector<FeedbackPhoto> photos;
  bool anonymous = false;
  std::optional<std::string> author;  // the author's name, in the full view only
  std::string created_at;
  std::string updated_at;
  std::string receive_deadline;
  std::string answer_deadline;
  bool overdue = false;
  bool published = false;
  std::optional<FeedbackAnswer> answer;
  std::optional<FeedbackRating> rating;
  bool can_reopen = false;
  bool following = false;
  std::optional<FeedbackAssignee> assignee;            // officials' full view, when assigned
  std::optional<std::vector<FeedbackUpdate>> updates;  // the timeline, when asked for
  std::optional<long long> distance_m;                 // "Phản ánh tương tự": metres away

  // Whether the author reopened it already (the timeline says so; reopening is allowed once).
  bool reopened() const {
    if (updates)
      for (const FeedbackUpdate& u : *updates)
        if (u.action == "reopen") return true;
    return false;
  }
  bool finished() const { return status == kStatusResolved || status == kStatusRejected; }
};

}  // namespace cdscb::core
