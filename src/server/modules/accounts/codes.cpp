#include "modules/accounts/codes.h"

#include <soci/soci.h>

#include <algorithm>

#include "modules/accounts/login_throttle.h"
#include "modules/accounts/messages.h"
#include "security/crypto.h"
#include "util/log.h"

namespace cdscb::server::accounts {
namespace {

// Salted with number and purpose, so equal codes never share a hash.
std::string code_hash(const std::string& phone, CodePurpose purpose, std::string_view code) {
  std::string input(purpose_name(purpose));
  input.append(":").append(phone).append(":").append(code);
  return security::sha256_hex(input);
}

}  // namespace

std::string_view purpose_name(CodePurpose purpose) {
  return purpose == CodePurpose::kRegister ? "register" : "reset";
}

std::optional<CodePurpose> parse_purpose(std::string_view name) {
  if (name == "register") return CodePurpose::kRegister;
  if (name == "reset") return CodePurpose::kReset;
  return std::nullopt;
}

namespace {

// The number's own limit.
long long number_wait(soci::session& sql, const std::string& phone, long long now) {
  const long long window_start = now - kSendWindow;
  int count = 0;
  long long oldest = 0;
  long long newest = 0;
  soci::indicator oldest_indicator = soci::i_null;
  soci::indicator newest_indicator = soci::i_null;
  sql << "SELECT COUNT(*), MIN(sent_at), MAX(sent_at) FROM verification_sends "
         "WHERE phone = :phone AND sent_at > :window_start",
      soci::use(phone), soci::use(window_start), soci::into(count),
      soci::into(oldest, oldest_indicator), soci::into(newest, newest_indicator);
  long long wait = 0;
  if (newest_indicator == soci::i_ok) wait = std::max(wait, newest + kResendInterval - now);
  if (count >= kMaxSendsPerWindow && oldest_indicator == soci::i_ok) {
    wait = std::max(wait, oldest + kSendWindow - now);
  }
  return std::max(wait, 0LL);
}

// The address's limit: a number it already had texted this hour does not count again.
long long address_wait(soci::session& sql, const std::string& phone, const std::string& bucket,
                       long long now) {
  const long long window_start = now - kSendWindow;
  int same_number = 0;
  sql << "SELECT COUNT(*) FROM verification_sends "
         "WHERE ip = :ip AND phone = :phone AND sent_at > :window_start",
      soci::use(bucket), soci::use(phone), soci::use(window_start), soci::into(same_number);
  if (same_number > 0) return 0;
  int numbers = 0;
  long long oldest = 0;
  soci::indicator oldest_indicator = soci::i_null;
  sql << "SELECT COUNT(DISTINCT phone), MIN(sent_at) FROM verification_sends "
         "WHERE ip = :ip AND sent_at > :window_start",
      soci::use(bucket), soci::use(window_start), soci::into(numbers),
      soci::into(oldest, oldest_indicator);
  if (numbers < kMaxNumbersPerAddress || oldest_indicator != soci::i_ok) return 0;
  return std::max(oldest + kSendWindow - now, 1LL);
}

}  // namespace

SendWait send_wait(soci::session& sql, const std::string& phone, const std::string& address,
                   long long now) {
  if (const long long wait = number_wait(sql, phone, now)) return {wait, false};
  if (address.empty()) return {};
  if (const long long wait = address_wait(sql, phone, address_bucket(address), now)) {
    util::log_warn("accounts: address " + address + " reached its limit of texts to " +
                   std::to_string(kMaxNumbersPerAddress) + " numbers an hour");
    return {wait, true};
  }
  return {};
}

void record_send(soci::session& sql, const std::string& phone, const std::string& address,
                 long long now) {
  const long long window_start = now - kSendWindow;
  sql << "DELETE FROM verification_sends WHERE phone = :phone AND sent_at <= :window_start",
      soci::use(phone), soci::use(window_start);
  const std::string bucket = address.empty() ? std::string() : address_bucket(address);
  sql << "INSERT INTO verification_sends (phone, ip, sent_at) VALUES (:phone, :ip, :now)",
      soci::use(phone), soci::use(bucket), soci::use(now);
}

std::string store_new_code(soci::session& sql, const std::string& phone, CodePurpose purpose,
                           long long now) {
  const std::string code = security::random_digits(kCodeDigits);
  const std::string hash = code_hash(phone, purpose, code);
  const std::string purpose_text(purpose_name(purpose));
  const long long expires_at = now + kCodeLifetime;
  sql << "INSERT INTO verification_codes (phone, purpose, code_hash, expires_at, attempts, "
         "last_sent_at) VALUES (:phone, :purpose, :code_hash, :expires_at, 0, :now) "
         "ON CONFLICT (phone, purpose) DO UPDATE SET code_hash = excluded.code_hash, "
         "expires_at = excluded.expires_at, attempts = 0, last_sent_at = excluded.last_sent_at",
      soci::use(phone), soci::use(purpose_text), soci::use(hash), soci::use(expires_at),
      soci::use(now);
  return code;
}

void forget_send(soci::session& sql, const std::string& phone, CodePurpose purpose, long long now) {
  const std::string purpose_text(purpose_name(purpose));
  sql << "DELETE FROM verification_codes WHERE phone = :phone AND purpose = :purpose "
         "AND last_sent_at = :now",
      soci::use(phone), soci::use(purpose_text), soci::use(now);
  sql << "DELETE FROM verification_sends WHERE phone = :phone AND sent_at = :now", soci::use(phone),
      soci::use(now);
}

CodeCheck check_code(soci::session& sql, const std::string& phone, CodePurpose purpose,
                     std::string_view code, long long now) {
  const std::string purpose_text(purpose_name(purpose));
  // One statement takes the try and reads what it is checked against: the row is locked while
  // it changes, so of parallel guesses each gets its own try (and its own count of tries left),
  // and none gets one past the limit, on SQLite and PostgreSQL alike.
  std::string stored_hash;
  int attempts = 0;
  soci::statement claim =
      (sql.prepare << "UPDATE verification_codes SET attempts = attempts + 1 "
                      "WHERE phone = :phone AND purpose = :purpose AND attempts < :max_attempts "
                      "AND expires_at > :now RETURNING code_hash, attempts",
       soci::use(phone), soci::use(purpose_text), soci::use(kMaxCodeAttempts), soci::use(now),
       soci::into(stored_hash), soci::into(attempts));
  claim.execute(true);
  if (!claim.got_data()) {  // no try to take: say why
    long long expires_at = 0;
    int used = 0;
    sql << "SELECT expires_at, attempts FROM verification_codes "
           "WHERE phone = :phone AND purpose = :purpose",
        soci::use(phone), soci::use(purpose_text), soci::into(expires_at), soci::into(used);
    if (!sql.got_data()) return {CodeStatus::kMissing};
    if (used >= kMaxCodeAttempts) return {CodeStatus::kExhausted};
    return {CodeStatus::kExpired};
  }
  const std::string hash = code_hash(phone, purpose, code);
  if (security::constant_time_equals(stored_hash, hash)) {
    // Used once: of two parallel right guesses, the one that deletes the code has it.
    soci::statement consume = (sql.prepare << "DELETE FROM verification_codes WHERE phone = :phone "
                                              "AND purpose = :purpose AND code_hash = :hash",
                               soci::use(phone), soci::use(purpose_text), soci::use(hash));
    consume.execute(true);
    if (consume.get_affected_rows() == 1) return {CodeStatus::kOk};
    return {CodeStatus::kMissing};
  }
  const int tries_left = kMaxCodeAttempts - attempts;
  if (tries_left <= 0) return {CodeStatus::kExhausted};
  return {CodeStatus::kWrong, tries_left};
}

std::string code_message(CodePurpose purpose, std::string_view code) {
  std::string text(purpose == CodePurpose::kRegister ? messages::kRegisterSms
                                                     : messages::kResetSms);
  text.replace(text.find("{code}"), 6, code);
  return text;
}

std::optional<std::string> normalize_code(std::string_view input) {
  std::string digits;
  for (const char c : input) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return std::nullopt;
    }
  }
  if (digits.size() != static_cast<std::size_t>(kCodeDigits)) return std::nullopt;
  return digits;
}

}  // namespace cdscb::server::accounts
