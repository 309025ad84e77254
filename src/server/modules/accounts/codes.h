// One-time codes sent by text message to confirm a phone number or reset a password: 6 digits,
// valid 5 minutes, 5 tries, stored only as a hash. Sending is throttled per number (60 s between
// codes and at most 5 in any hour) and per address (texts to at most 10 different numbers in any
// hour), so one address cannot text many numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace cdscb::server::accounts {

enum class CodePurpose { kRegister, kReset };

std::string_view purpose_name(CodePurpose purpose);  // "register" or "reset"
std::optional<CodePurpose> parse_purpose(std::string_view name);

inline constexpr long long kCodeLifetime = 300;   // seconds
inline constexpr long long kResendInterval = 60;  // seconds
inline constexpr long long kSendWindow = 3600;    // seconds
inline constexpr int kMaxSendsPerWindow = 5;
inline constexpr int kMaxNumbersPerAddress = 10;  // per kSendWindow
inline constexpr int kMaxCodeAttempts = 5;
inline constexpr int kCodeDigits = 6;

struct SendWait {
  long long seconds = 0;    // 0 when a code may be sent now
  bool by_address = false;  // the address's limit, not the number's
};

// How long until a code may be sent to `phone` at the request of `address` (empty when not from
// a socket: no address limit).
SendWait send_wait(soci::session& sql, const std::string& phone, const std::string& address,
                   long long now);

// Counts a send to `phone` from `address` for the throttle. Also called for numbers without an
// account when the answer must not tell whether one exists.
void record_send(soci::session& sql, const std::string& phone, const std::string& address,
                 long long now);

// Replaces any code for phone and purpose with a fresh one (tries reset) and returns its digits.
std::string store_new_code(soci::session& sql, const std::string& phone, CodePurpose purpose,
                           long long now);

// Undoes record_send and store_new_code made at `now`, when the text message did not go out,
// so the person may ask again at once.
void forget_send(soci::session& sql, const std::string& phone, CodePurpose purpose, long long now);

enum class CodeStatus { kOk, kWrong, kExhausted, kExpired, kMissing };
struct CodeCheck {
  CodeStatus status = CodeStatus::kMissing;
  int tries_left = 0;  // with kWrong
};

// Checks `code` against the live code for phone and purpose, using up one try. Run it inside a
// transaction. kOk consumes the code; the fifth wrong try gives kExhausted.
CodeCheck check_code(soci::session& sql, const std::string& phone, CodePurpose purpose,
                     std::string_view code, long long now);

// The text message carrying `code`.
std::string code_message(CodePurpose purpose, std::string_view code);

// "123 456" → "123456"; nullopt unless exactly kCodeDigits digits remain.
std::optional<std::string> normalize_code(std::string_view input);

}  // namespace cdscb::server::accounts
