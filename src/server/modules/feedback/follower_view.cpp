#include "modules/feedback/follower_view.h"

#include <soci/soci.h>

#include "core/feedback.h"
#include "core/feedback_listed_json.h"
#include "core/time_text.h"
#include "core/working_hours.h"
#include "modules/feedback/follow_tokens.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

constexpr long long kDaySeconds = 86400;

core::FeedbackStatusDay status_day(const std::string& status, long long at) {
  return {status, std::string(core::feedback_status_label(status)), vietnam_day(at)};
}

}  // namespace

std::string vietnam_day(long long seconds) {
  const long long local = seconds + core::kVietnamUtcOffset;
  return core::iso_date(local >= 0 ? local / kDaySeconds : (local - kDaySeconds + 1) / kDaySeconds);
}

core::FeedbackFollowerView follower_view(soci::session& sql, const Feedback& f,
                                         const std::optional<accounts::AuthUser>& viewer,
                                         bool updates) {
  const auto field = find_field(sql, f.field);
  const core::FeedbackStatusDay sent = status_day(f.status, f.created_at);
  core::FeedbackFollowerView v;
  v.field = {f.field, field ? field->name : f.field};
  v.status = sent.status;
  v.status_label = sent.status_label;
  v.date = sent.date;
  v.follow_token = follow_token(sql, f.id);
  v.following = viewer ? is_following(sql, f.id, viewer->id) : false;
  if (updates) {
    // Only the changes of status: who acted, and actions that keep the status (assigning, a
    // note), are the agency's business.
    v.updates.emplace();
    std::string last;
    for (const Update& update : list_updates(sql, f.id)) {
      if (update.status == last) continue;
      last = update.status;
      v.updates->push_back(status_day(update.status, update.created_at));
    }
  }
  return v;
}

std::string follower_notification(soci::session& sql, const Feedback& f, const Update& update) {
  const auto field = find_field(sql, f.field);
  return "Phản ánh bạn theo dõi (" + (field ? field->name : f.field) + ", gửi ngày " +
         core::vietnam_day_text(vietnam_day(f.created_at)) +
         "): " + std::string(core::feedback_status_label(update.status)) + ".";
}

core::ListedFeedback listed_feedback(soci::session& sql, const FeedbackDeps& deps,
                                     const Feedback& f,
                                     const std::optional<accounts::AuthUser>& viewer, long long now,
                                     bool updates) {
  core::ListedFeedback item;
  if (const auto view = view_for(sql, f, viewer)) {
    item.record = feedback_record(sql, deps, f, *view, viewer, now, updates);
  } else {
    item.follower = follower_view(sql, f, viewer, updates);
  }
  return item;
}

nlohmann::json listed_json(soci::session& sql, const FeedbackDeps& deps, const Feedback& f,
                           const std::optional<accounts::AuthUser>& viewer, long long now,
                           bool updates) {
  return core::listed_feedback_json<nlohmann::json>(
      listed_feedback(sql, deps, f, viewer, now, updates));
}

}  // namespace cdscb::server::feedback
