// The VNeID module's tables: login states, what a callback left for an attempt, and links.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace soci {
class session;
}

namespace cdscb::server::vneid {

inline constexpr long long kAttemptSeconds = 600;  // states, attempt cookie and pending identity

struct LoginState {
  std::string nonce;
  std::string code_verifier;
};

void insert_state(soci::session& sql, const std::string& state, const std::string& attempt_hash,
                  const std::string& nonce, const std::string& code_verifier, long long now);

// Uses up `state` when it exists, is unused, younger than kAttemptSeconds and was made for
// `attempt_hash`; nullopt otherwise (a state of another attempt is left as it is).
std::optional<LoginState> take_state(soci::session& sql, const std::string& state,
                                     const std::string& attempt_hash, long long now);

// Forgets expired states and attempts.
void purge_expired(soci::session& sql, long long now);

struct Attempt {
  std::optional<nlohmann::json> identity;  // waiting to be linked
  std::string error_code;                  // otherwise the error to show
  std::string error_message;
};

void remember_identity(soci::session& sql, const std::string& attempt_hash,
                       const nlohmann::json& identity, long long expires_at);
void remember_error(soci::session& sql, const std::string& attempt_hash, const std::string& code,
                    const std::string& message, long long expires_at);
// The unexpired record of the attempt.
std::optional<Attempt> find_attempt(soci::session& sql, const std::string& attempt_hash,
                                    long long now);
void forget_attempt(soci::session& sql, const std::string& attempt_hash);

struct Link {
  long long user_id = 0;
  std::string so_dinh_danh;
  std::string sub;
  std::string issuer;
  std::optional<std::string> assurance_level;
  std::string ho_va_ten;
  std::optional<std::string> ngay_sinh;
  std::optional<std::string> gioi_tinh;
  std::optional<std::string> contact_phone;
  long long linked_at = 0;
};

std::optional<Link> find_link_by_number(soci::session& sql, const std::string& so_dinh_danh);
std::optional<Link> find_link_by_user(soci::session& sql, long long user_id);
// False when the identity or the account is linked already.
bool insert_link(soci::session& sql, const Link& link);
void delete_link(soci::session& sql, long long user_id);

// "004*******45": the first three and last two digits.
std::string mask_number(const std::string& so_dinh_danh);

}  // namespace cdscb::server::vneid
