// The accounts module's periodic purge: rows that no longer decide anything are deleted, so the
// tables do not grow without end and nothing personal is kept longer than needed. main.cpp runs
// it at start and every kHousekeepingInterval on the server's timer; tests call it directly.
#pragma once

#include <chrono>

#include "db/database.h"

namespace cdscb::server::accounts {

inline constexpr auto kHousekeepingInterval = std::chrono::minutes(10);
// An expired code is kept this long, so a late try still hears "expired" rather than "wrong".
inline constexpr long long kExpiredCodeGrace = 3600;
// An unconfirmed phone account older than this is removed, freeing nothing but the table.
inline constexpr long long kUnconfirmedAccountSeconds = 24 * 3600;

struct PurgeCounts {
  long long codes = 0;     // verification_codes expired more than kExpiredCodeGrace ago
  long long sends = 0;     // verification_sends older than the send window (1 hour)
  long long failures = 0;  // login_failures older than the failure window and lockout
  long long sessions = 0;  // sessions idle longer than kSessionIdleSeconds
  long long accounts = 0;  // unconfirmed phone accounts, see purge_expired
  long long total() const { return codes + sends + failures + sessions + accounts; }
};

// Deletes, as of `now` (Unix seconds), what the counts describe. An account goes only when it
// is a citizen's phone account whose number was never confirmed (no phone_verified_at), created
// more than kUnconfirmedAccountSeconds ago, not deleted-and-anonymised, with no VNeID link and
// no row in any table whose foreign key points at users (feedback and the like): such rows are
// kept for the government and keep their account.
PurgeCounts purge_expired(db::Database& database, long long now);

}  // namespace cdscb::server::accounts
