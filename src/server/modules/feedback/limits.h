// How often one account may repeat the feedback actions that grow tables or cost work (see
// http/rate_limit.h). Generous for a citizen: a person rarely sends more than a few feedback a
// day; a script walking ids or flooding a queue meets the limit at once.
#pragma once

#include "http/rate_limit.h"

namespace cdscb::server::feedback {

inline constexpr http::RateLimit kCreatePerHour{"feedback_create", 10, 3600};
inline constexpr http::RateLimit kCreatePerDay{"feedback_create", 30, 86400};
// Following and unfollowing, together.
inline constexpr http::RateLimit kFollowPerHour{"feedback_follow", 30, 3600};
inline constexpr http::RateLimit kFollowPerDay{"feedback_follow", 100, 86400};
// "Phản ánh tương tự": the form asks once before each send.
inline constexpr http::RateLimit kSimilarPerHour{"feedback_similar", 30, 3600};
inline constexpr http::RateLimit kSimilarPerDay{"feedback_similar", 100, 86400};

}  // namespace cdscb::server::feedback
