// Idempotency keys: a client that creates something (feedback now; dossiers and payment orders
// next) sends an Idempotency-Key header, and a retry with the same key, even one racing the first
// request on another connection, gets the record the first made instead of a second one. The key
// is the caller's own (another account's key never finds this account's record) and is kept with
// a hash of the request, so the same key with another body is refused rather than answered with
// a record that does not match it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "db/database.h"

namespace cdscb::server::http {
struct Request;
}

namespace cdscb::server::db {

struct IdempotencyKey {
  long long user_id = 0;
  std::string scope;  // what the key creates ("feedback"), so keys of two routes never meet
  std::string key;
  std::string request_hash;  // SHA-256 of method, path, caller and body
};

// The Idempotency-Key of `request`, sent by `user_id` to create a `scope` record. HttpError 400
// idempotency_key_required when missing or not 16–100 characters.
IdempotencyKey read_idempotency_key(const http::Request& request, long long user_id,
                                    std::string scope);

// The record an earlier request with this key created (committed); nullopt when none yet.
// HttpError 422 idempotency_key_reused when that request was not this one.
std::optional<long long> find_idempotent(soci::session& sql, const IdempotencyKey& key);

struct Created {
  long long id = 0;
  bool created = false;  // false: another request with the key had made it
};

// In one Transaction: claims the key (INSERT … ON CONFLICT DO NOTHING, which on PostgreSQL waits
// for a concurrent claim of the same key to commit or roll back), then runs `create`, which
// returns the new record's id, and ties the key to it. When the key was already claimed, `create`
// is not run and the earlier record is returned (422 as find_idempotent when it was another
// request). Exceptions from `create` roll everything back, the claim too.
Created create_once(soci::session& sql, Backend backend, const IdempotencyKey& key, long long now,
                    const std::function<long long()>& create);

// How long a key answers a replay. The app's outbox resends an item until it is through, also
// after days offline or signed out on a shared phone (state/outbox.h): a month covers any such
// gap between a lost answer and its resend, and bounds the table. Older keys are purged, after
// which the same key makes a new record.
inline constexpr long long kIdempotencyReplaySeconds = 30LL * 24 * 3600;

// Deletes the keys older than kIdempotencyReplaySeconds as of `now`; returns how many.
long long purge_idempotency_keys(soci::session& sql, long long now);

// When an account is deleted: its keys are personal data and no longer find anything.
void forget_idempotency_keys(soci::session& sql, long long user_id);

}  // namespace cdscb::server::db
