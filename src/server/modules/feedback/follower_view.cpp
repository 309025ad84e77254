#include "modules/feedback/follower_view.h"

#include <soci/soci.h>

#include "core/feedback.h"
#include "core/time_text.h"
#include "core/working_hours.h"
#include "modules/feedback/follow_tokens.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

constexpr long long kDaySeconds = 86400;

nlohmann::json status_json(const std::string& status, long long at) {
  return {{"status", status},
          {"status_label", core::feedback_status_label(status)},
          {"date", vietnam_day(at)}};
}

}  // namespace

std::string vietnam_day(long long seconds) {
  const long long local = seconds + core::kVietnamUtcOffset;
  return core::iso_date(local >= 0 ? local / kDaySeconds : (local - kDaySeconds + 1) / kDaySeconds);
}

nlohmann::json follower_json(soci::session& sql, const Feedback& f,
                             const std::optional<accounts::AuthUser>& viewer, bool updates) {
  const auto field = find_field(sql, f.field);
  nlohmann::json out = status_json(f.status, f.created_at);
  out["follow_token"] = follow_token(sql, f.id);
  out["published"] = false;
  out["field"] = {{"code", f.field}, {"name", field ? field->name : f.field}};
  out["following"] = viewer ? is_following(sql, f.id, viewer->id) : false;
  if (updates) {
    // Only the changes of status: who acted, and actions that keep the status (assigning, a
    // note), are the agency's business.
    nlohmann::json list = nlohmann::json::array();
    std::string last;
    for (const Update& update : list_updates(sql, f.id)) {
      if (update.status == last) continue;
      last = update.status;
      list.push_back(status_json(update.status, update.created_at));
    }
    out["updates"] = list;
  }
  return out;
}

std::string follower_notification(soci::session& sql, const Feedback& f, const Update& update) {
  const auto field = find_field(sql, f.field);
  return "Phản ánh bạn theo dõi (" + (field ? field->name : f.field) + ", gửi ngày " +
         core::vietnam_day_text(vietnam_day(f.created_at)) +
         "): " + std::string(core::feedback_status_label(update.status)) + ".";
}

nlohmann::json listed_json(soci::session& sql, const FeedbackDeps& deps, const Feedback& f,
                           const std::optional<accounts::AuthUser>& viewer, long long now,
                           bool updates) {
  if (const auto view = view_for(sql, f, viewer)) {
    return feedback_json(sql, deps, f, *view, viewer, now, updates);
  }
  return follower_json(sql, f, viewer, updates);
}

}  // namespace cdscb::server::feedback
