#include "core/feedback.h"

#include <algorithm>
#include <cmath>

#include "core/communes.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

constexpr FeedbackStatus kStatuses[] = {
    {kStatusSubmitted, "Đã gửi", true},        {kStatusReceived, "Đã tiếp nhận", true},
    {kStatusInProgress, "Đang xử lý", true},   {kStatusTransferred, "Đã chuyển cơ quan khác", true},
    {kStatusResolved, "Đã giải quyết", false}, {kStatusRejected, "Từ chối xử lý", false},
};

// The whole process. Officials act for the feedback's current agency; a transfer hands it to
// another agency, whose officials receive it again.
constexpr FeedbackTransition kTransitions[] = {
    {kStatusSubmitted, "receive", kStatusReceived, "official"},
    {kStatusTransferred, "receive", kStatusReceived, "official"},
    {kStatusReceived, "start", kStatusInProgress, "official"},
    {kStatusReceived, "assign", kStatusInProgress, "official"},
    {kStatusInProgress, "assign", kStatusInProgress, "official"},
    {kStatusSubmitted, "transfer", kStatusTransferred, "official"},
    {kStatusReceived, "transfer", kStatusTransferred, "official"},
    {kStatusInProgress, "transfer", kStatusTransferred, "official"},
    {kStatusTransferred, "transfer", kStatusTransferred, "official"},
    {kStatusReceived, "resolve", kStatusResolved, "official"},
    {kStatusInProgress, "resolve", kStatusResolved, "official"},
    {kStatusSubmitted, "reject", kStatusRejected, "official"},
    {kStatusReceived, "reject", kStatusRejected, "official"},
    {kStatusInProgress, "reject", kStatusRejected, "official"},
    {kStatusTransferred, "reject", kStatusRejected, "official"},
    // The author may reopen an answered feedback once when the problem is still there.
    {kStatusResolved, "reopen", kStatusInProgress, "author"},
};

constexpr std::string_view kStatusFreeActions[] = {"publish", "unpublish"};

void check_text(std::map<std::string, std::string>& errors, const char* key, std::string_view text,
                std::size_t max, std::string_view required, std::string_view too_long) {
  if (!is_valid_utf8(text)) {
    errors[key] = kFeedbackInvalidText;
    return;
  }
  const std::string value = trim_blank(text);
  if (value.empty()) {
    if (!required.empty()) errors[key] = required;
  } else if (count_code_points(value) > max) {
    errors[key] = too_long;
  }
}

}  // namespace

std::span<const FeedbackStatus> feedback_statuses() { return kStatuses; }

const FeedbackStatus* find_feedback_status(std::string_view code) {
  for (const auto& status : kStatuses) {
    if (status.code == code) return &status;
  }
  return nullptr;
}

std::string_view feedback_status_label(std::string_view status) {
  const auto* found = find_feedback_status(status);
  return found ? found->label : status;
}

std::span<const FeedbackTransition> feedback_transitions() { return kTransitions; }

std::optional<std::string_view> next_feedback_status(std::string_view from, std::string_view action,
                                                     bool reopened) {
  if (!find_feedback_status(from)) return std::nullopt;
  if (std::find(std::begin(kStatusFreeActions), std::end(kStatusFreeActions), action) !=
      std::end(kStatusFreeActions)) {
    return from;
  }
  if (action == "reopen" && reopened) return std::nullopt;
  for (const auto& transition : kTransitions) {
    if (transition.from == from && transition.action == action) return transition.to;
  }
  return std::nullopt;
}

bool is_official_action(std::string_view action) {
  if (std::find(std::begin(kStatusFreeActions), std::end(kStatusFreeActions), action) !=
      std::end(kStatusFreeActions)) {
    return true;
  }
  return std::any_of(std::begin(kTransitions), std::end(kTransitions),
                     [&](const auto& t) { return t.action == action && t.actor == "official"; });
}

bool action_needs_note(std::string_view action) {
  return action == "resolve" || action == "reject" || action == "transfer";
}

bool inside_province(double lat, double lng) {
  return std::isfinite(lat) && std::isfinite(lng) && lat >= kProvinceLatMin &&
         lat <= kProvinceLatMax && lng >= kProvinceLngMin && lng <= kProvinceLngMax;
}

std::map<std::string, std::string> validate_feedback(const FeedbackDraft& draft) {
  std::map<std::string, std::string> errors;
  check_text(errors, "title", draft.title, kFeedbackTitleMax, kTitleRequired, kTitleTooLong);
  check_text(errors, "content", draft.content, kFeedbackContentMax, kContentRequired,
             kContentTooLong);
  if (trim_blank(draft.field).empty()) errors["field"] = kFieldRequired;
  if (!draft.location) {
    errors["location"] = kLocationRequired;
  } else if (!inside_province(draft.location->lat, draft.location->lng)) {
    errors["location"] = kOutsideProvince;
  }
  check_text(errors, "address", draft.address, kFeedbackAddressMax, {}, kAddressTooLong);
  if (!draft.commune.empty() && !find_commune(draft.commune)) errors["commune"] = kCommuneUnknown;
  if (draft.photos.size() > kFeedbackPhotosMax) errors["photos"] = kTooManyPhotos;
  return errors;
}

std::string trim_blank(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

double distance_m(double lat1, double lng1, double lat2, double lng2) {
  constexpr double kEarthRadius = 6371008.8;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlng = (lng2 - lng1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace cdscb::core
