#pragma once
// What the feedback lists a citizen sees partly send, besides the full record
// (core/feedback_record.h): "Phản ánh tương tự" and "Đang theo dõi" list feedback the viewer may
// see as its record, and someone else's unpublished feedback as the follower view (field, status,
// day, no id); the public map sends markers. Their JSON is core/feedback_listed_json.h.
#include <optional>
#include <string>
#include <vector>

#include "core/feedback_record.h"

namespace cdscb::core {

// One status the follower view went through, by the Vietnam day it began ("YYYY-MM-DD").
struct FeedbackStatusDay {
  std::string status;
  std::string status_label;
  std::string date;
};

// Someone else's unpublished feedback: no id, title, text, place or person; the follow token
// stands in for the id.
struct FeedbackFollowerView {
  CodeName field;
  std::string status;
  std::string status_label;
  std::string date;  // the day it was sent
  std::string follow_token;
  bool following = false;
  std::optional<std::vector<FeedbackStatusDay>> updates;  // in "Đang theo dõi"
  std::optional<long long> distance_m;  // "Phản ánh tương tự": rounded to 50 m
};

// One entry of those lists: the record when the viewer may see it, else the follower view.
struct ListedFeedback {
  std::optional<FeedbackRecord> record;
  FeedbackFollowerView follower;  // when there is no record

  const std::string& status_label() const {
    return record ? record->status_label : follower.status_label;
  }
  std::optional<long long> distance_m() const {
    return record ? record->distance_m : follower.distance_m;
  }
};

// A published feedback on the public map: only what its marker shows.
struct FeedbackMarker {
  long long id = 0;
  std::string title;
  double lat = 0, lng = 0;
  std::string status;
  std::string status_label;
  CodeName field;
};

// The answer of GET /api/v1/public/feedback/map: the newest markers of the view; `truncated`
// when there were more than the map shows.
struct FeedbackMap {
  std::vector<FeedbackMarker> items;
  bool truncated = false;
};

}  // namespace cdscb::core
