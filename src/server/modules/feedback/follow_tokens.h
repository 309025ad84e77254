// Follow tokens: how a citizen follows unpublished feedback that "Phản ánh tương tự" showed them
// without its id. A token is random (16 bytes from the OS generator) and stored per feedback,
// rather than an HMAC of the id: nothing to derive it from (no server secret to keep, leak or
// rotate), a lookup by token needs no id inside it, and a token can be replaced by deleting its
// row. It grants only following, and the follower view (follower_view.h), never the id.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace cdscb::server::feedback {

// The feedback's token, made on first use (two requests at once agree on one).
std::string follow_token(soci::session& sql, long long feedback_id);
// The feedback `token` belongs to; nullopt for a malformed or unknown token.
std::optional<long long> feedback_of_follow_token(soci::session& sql, std::string_view token);

}  // namespace cdscb::server::feedback
