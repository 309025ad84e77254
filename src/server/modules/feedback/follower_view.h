// What a citizen may know of unpublished feedback that is not theirs: the follower view. It is
// what "Phản ánh tương tự" shows of such feedback (field, status, the day it was sent) and, to
// its followers, how its status changed, by day. No id, title, text, address, place, photos,
// author or official: it tells a neighbour "someone already reported this here" and how it goes,
// nothing that identifies the report or its author. Its follow token stands in for the id.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/feedback_listed.h"
#include "modules/feedback/handlers.h"

namespace cdscb::server::feedback {

// Unix seconds → the Vietnam calendar day "YYYY-MM-DD".
std::string vietnam_day(long long seconds);

// The follower view of `feedback` (makes its follow token if it has none); `updates` adds the
// status changes.
core::FeedbackFollowerView follower_view(soci::session& sql, const Feedback& feedback,
                                         const std::optional<accounts::AuthUser>& viewer,
                                         bool updates);

// What a follower of unpublished `feedback` reads in their notifications about `update`: its
// field, the day it was sent and its status, like the follower view.
std::string follower_notification(soci::session& sql, const Feedback& feedback,
                                  const Update& update);

// `feedback` as `viewer` may see it in a list: the view of view_for when there is one (with the
// id), the follower view otherwise; listed_json is its JSON.
core::ListedFeedback listed_feedback(soci::session& sql, const FeedbackDeps& deps,
                                     const Feedback& feedback,
                                     const std::optional<accounts::AuthUser>& viewer, long long now,
                                     bool updates);
nlohmann::json listed_json(soci::session& sql, const FeedbackDeps& deps, const Feedback& feedback,
                           const std::optional<accounts::AuthUser>& viewer, long long now,
                           bool updates);

}  // namespace cdscb::server::feedback
