#include "db/idempotency.h"

#include <soci/soci.h>

#include <stdexcept>
#include <string_view>

#include "http/request.h"
#include "http/response.h"
#include "security/crypto.h"

namespace cdscb::server::db {
namespace {

constexpr std::size_t kKeyMin = 16;
constexpr std::size_t kKeyMax = 100;

constexpr std::string_view kKeyRequired =
    "Thiếu khóa chống gửi trùng (Idempotency-Key, 16–100 ký tự). Vui lòng thử gửi lại.";
constexpr std::string_view kKeyReused =
    "Khóa chống gửi trùng (Idempotency-Key) này đã được dùng cho một yêu cầu khác. Vui lòng tạo "
    "khóa mới cho mỗi lần gửi.";

struct Stored {
  std::string request_hash;
  std::optional<long long> record_id;
};

std::optional<Stored> find_stored(soci::session& sql, const IdempotencyKey& key) {
  Stored stored;
  long long record_id = 0;
  soci::indicator record_indicator = soci::i_null;
  sql << "SELECT request_hash, record_id FROM idempotency_keys "
         "WHERE user_id = :user_id AND scope = :scope AND idempotency_key = :key",
      soci::use(key.user_id), soci::use(key.scope), soci::use(key.key),
      soci::into(stored.request_hash), soci::into(record_id, record_indicator);
  if (!sql.got_data()) return std::nullopt;
  if (record_indicator == soci::i_ok) stored.record_id = record_id;
  return stored;
}

// The record of a stored key, which must have been made by the same request. Keys kept from
// before hashes were stored have an empty hash and match any body.
long long record_of(const Stored& stored, const IdempotencyKey& key) {
  if (!stored.request_hash.empty() && stored.request_hash != key.request_hash) {
    throw http::HttpError(422, "idempotency_key_reused", kKeyReused);
  }
  // The claim and the record commit together, so a visible key always has its record.
  if (!stored.record_id) throw std::logic_error("idempotency key without its record");
  return *stored.record_id;
}

}  // namespace

IdempotencyKey read_idempotency_key(const http::Request& request, long long user_id,
                                    std::string scope) {
  std::string key(request.header("Idempotency-Key").value_or(""));
  if (key.size() < kKeyMin || key.size() > kKeyMax) {
    throw http::HttpError(400, "idempotency_key_required", kKeyRequired);
  }
  // Length-prefixed parts, so no two different requests hash the same text.
  const std::string caller = std::to_string(user_id);
  std::string hashed;
  for (const std::string_view part :
       {std::string_view(request.method), std::string_view(request.path), std::string_view(caller),
        std::string_view(request.body)}) {
    hashed += std::to_string(part.size()) + ":" + std::string(part) + "\n";
  }
  return {.user_id = user_id,
          .scope = std::move(scope),
          .key = std::move(key),
          .request_hash = security::sha256_hex(hashed)};
}

std::optional<long long> find_idempotent(soci::session& sql, const IdempotencyKey& key) {
  const auto stored = find_stored(sql, key);
  if (!stored) return std::nullopt;
  return record_of(*stored, key);
}

Created create_once(soci::session& sql, Backend backend, const IdempotencyKey& key, long long now,
                    const std::function<long long()>& create) {
  Transaction transaction(sql, backend);
  soci::statement claim =
      (sql.prepare << "INSERT INTO idempotency_keys (user_id, scope, idempotency_key, "
                      "request_hash, created_at) VALUES (:user_id, :scope, :key, :hash, :now) "
                      "ON CONFLICT DO NOTHING",
       soci::use(key.user_id), soci::use(key.scope), soci::use(key.key),
       soci::use(key.request_hash), soci::use(now));
  claim.execute(true);
  if (claim.get_affected_rows() == 0) {
    const auto stored = find_stored(sql, key);
    if (!stored) throw std::logic_error("idempotency key claimed but not found");
    const long long id = record_of(*stored, key);
    transaction.commit();
    return {.id = id, .created = false};
  }
  const long long id = create();
  sql << "UPDATE idempotency_keys SET record_id = :id "
         "WHERE user_id = :user_id AND scope = :scope AND idempotency_key = :key",
      soci::use(id), soci::use(key.user_id), soci::use(key.scope), soci::use(key.key);
  transaction.commit();
  return {.id = id, .created = true};
}

void forget_idempotency_keys(soci::session& sql, long long user_id) {
  sql << "DELETE FROM idempotency_keys WHERE user_id = :user_id", soci::use(user_id);
}

long long purge_idempotency_keys(soci::session& sql, long long now) {
  const long long before = now - kIdempotencyReplaySeconds;
  soci::statement purge =
      (sql.prepare << "DELETE FROM idempotency_keys WHERE created_at < :before", soci::use(before));
  purge.execute(true);
  return purge.get_affected_rows();
}

}  // namespace cdscb::server::db
