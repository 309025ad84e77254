#pragma once
// Feedback ("Phản ánh kiến nghị") rules shared by the server and the app: the status machine as a
// table of allowed transitions, the Vietnamese status labels, and the validation of a draft. Pure
// functions, no I/O (the app compiles this to wasm).
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::core {

// Status values as stored and as sent in JSON.
inline constexpr std::string_view kStatusSubmitted = "submitted";
inline constexpr std::string_view kStatusReceived = "received";
inline constexpr std::string_view kStatusInProgress = "in_progress";
inline constexpr std::string_view kStatusTransferred = "transferred";
inline constexpr std::string_view kStatusResolved = "resolved";
inline constexpr std::string_view kStatusRejected = "rejected";

struct FeedbackStatus {
  std::string_view code;
  std::string_view label;  // Vietnamese, as the citizen sees it
  bool open;               // Open311 "open" (true) or "closed"
};

// All six statuses, in the order of the process.
std::span<const FeedbackStatus> feedback_statuses();
const FeedbackStatus* find_feedback_status(std::string_view code);
// The Vietnamese label of `status`; the code itself when unknown.
std::string_view feedback_status_label(std::string_view status);

// One allowed move: `action` taken in status `from` leads to status `to`. Actions that do not
// change the status (assign, publish, unpublish) are in the table too, with to == from.
struct FeedbackTransition {
  std::string_view from;
  std::string_view action;
  std::string_view to;
  std::string_view actor;  // "official" or "author"
};

std::span<const FeedbackTransition> feedback_transitions();

// The status `action` leads to from `from`, or nullopt when the table does not allow it.
// Reopening (resolved → in_progress) is allowed once: `reopened` says whether it happened already.
std::optional<std::string_view> next_feedback_status(std::string_view from, std::string_view action,
                                                     bool reopened = false);

// Whether `action` is one of the official actions of POST /api/v1/feedback/<id>/actions.
bool is_official_action(std::string_view action);
// Whether the action needs a note: resolve (the answer), reject and transfer (the reason).
bool action_needs_note(std::string_view action);

// Cao Bằng's bounding box: feedback must be placed inside it.
inline constexpr double kProvinceLatMin = 22.35;
inline constexpr double kProvinceLatMax = 23.15;
inline constexpr double kProvinceLngMin = 105.25;
inline constexpr double kProvinceLngMax = 106.85;
bool inside_province(double lat, double lng);

inline constexpr std::size_t kFeedbackTitleMax = 200;     // code points
inline constexpr std::size_t kFeedbackContentMax = 5000;  // code points
inline constexpr std::size_t kFeedbackAddressMax = 300;   // code points
inline constexpr std::size_t kFeedbackNoteMax = 5000;     // code points
inline constexpr std::size_t kFeedbackPhotosMax = 5;

// Validation messages: keys of public/i18n/vi.json and en.json.
inline constexpr std::string_view kTitleRequired = "validation.feedback.title_required";
inline constexpr std::string_view kTitleTooLong = "validation.feedback.title_too_long";
inline constexpr std::string_view kContentRequired = "validation.feedback.content_required";
inline constexpr std::string_view kContentTooLong = "validation.feedback.content_too_long";
inline constexpr std::string_view kFieldRequired = "validation.feedback.field_required";
inline constexpr std::string_view kLocationRequired = "validation.feedback.location_required";
inline constexpr std::string_view kOutsideProvince = "validation.feedback.outside_province";
inline constexpr std::string_view kAddressTooLong = "validation.feedback.address_too_long";
inline constexpr std::string_view kCommuneUnknown = "validation.feedback.commune_unknown";
inline constexpr std::string_view kTooManyPhotos = "validation.feedback.too_many_photos";
inline constexpr std::string_view kFeedbackInvalidText = "validation.invalid_text";

struct FeedbackLocation {
  double lat = 0;
  double lng = 0;
  std::optional<double> accuracy_m;
};

struct FeedbackDraft {
  std::string title;
  std::string content;
  std::string field;  // a field code; whether it exists is the server's to check
  std::optional<FeedbackLocation> location;
  std::string address;  // optional
  std::string commune;  // optional: one of the 56 codes
  std::vector<std::string> photos;
  bool anonymous = false;
};

// Field ("title", "content", "field", "location", "address", "commune", "photos") → message key
// (public/i18n/vi.json); empty when the draft may be sent. Title and content are counted after
// trimming.
std::map<std::string, std::string> validate_feedback(const FeedbackDraft& draft);

// `text` without leading and trailing spaces, tabs and line breaks: the form feedback text is
// checked and stored in.
std::string trim_blank(std::string_view text);

// Distance in metres between two points on the Earth (haversine, mean radius).
double distance_m(double lat1, double lng1, double lat2, double lng2);

}  // namespace cdscb::core
