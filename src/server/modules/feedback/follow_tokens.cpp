#include "modules/feedback/follow_tokens.h"

#include <soci/soci.h>

#include "security/crypto.h"

namespace cdscb::server::feedback {
namespace {

constexpr std::size_t kTokenBytes = 16;
constexpr std::size_t kTokenLength = 22;  // unpadded base64url of 16 bytes

std::optional<std::string> stored_token(soci::session& sql, long long feedback_id) {
  std::string token;
  sql << "SELECT token FROM feedback_follow_tokens WHERE feedback_id = :id", soci::use(feedback_id),
      soci::into(token);
  if (!sql.got_data()) return std::nullopt;
  return token;
}

}  // namespace

std::string follow_token(soci::session& sql, long long feedback_id) {
  if (auto token = stored_token(sql, feedback_id)) return *token;
  const std::string made = security::random_token(kTokenBytes);
  sql << "INSERT INTO feedback_follow_tokens (feedback_id, token) VALUES (:id, :token) "
         "ON CONFLICT (feedback_id) DO NOTHING",
      soci::use(feedback_id), soci::use(made);
  return stored_token(sql, feedback_id).value_or(made);
}

std::optional<long long> feedback_of_follow_token(soci::session& sql, std::string_view token) {
  if (token.size() != kTokenLength ||
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
          std::string_view::npos) {
    return std::nullopt;
  }
  const std::string text(token);
  long long id = 0;
  sql << "SELECT feedback_id FROM feedback_follow_tokens WHERE token = :token", soci::use(text),
      soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

}  // namespace cdscb::server::feedback
