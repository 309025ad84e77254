// Jobs: work that talks to an outside system (a text message, a feed image, later a bill
// provider or the national portal), queued in the database and done by a worker on the server's
// pool, so a slow or stalled outside system never holds up a request or a pooled session.
//   - enqueue() writes the job in the caller's transaction: it runs only if that commits.
//   - run_due() claims one due job at a time with a conditional UPDATE (status and lease checked
//     in the WHERE clause), so several server processes on one database never run a job twice at
//     once; a claim whose process died lapses after the lease and is taken again.
//   - The kind's handler runs with no database session held; the outcome is recorded in a new one.
//   - A failure is retried after an exponential backoff; attempts, the last error and the times
//     are kept; after the kind's maximum the job is 'dead', for an admin to read and retry.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "db/database.h"

namespace cdscb::server::jobs {

using Clock = std::function<std::chrono::system_clock::time_point()>;

// Thrown by a handler when retrying cannot help (e.g. the code in the message has expired): the
// job goes dead at once.
struct PermanentFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Does the job's work from its payload; returns normally on success, throws on failure (the
// exception's text becomes the job's last_error). Runs with no database session held.
using Handler = std::function<void(const nlohmann::json& payload)>;

struct KindOptions {
  int max_attempts = 5;
  std::chrono::seconds first_backoff{5};  // doubled after each failed attempt
  std::chrono::seconds max_backoff{3600};
  // The payload is replaced by {} once the job is done or dead (it may hold a one-time code).
  bool redact_when_finished = false;
  // false: an admin's "Thử lại" cannot help once the job is dead (a one-time code that has
  // expired: the person asks for a new one), so the dead-letter list offers none.
  bool retryable = true;
  // Called in the transaction that marks the job dead, e.g. to let the citizen ask again at once.
  std::function<void(soci::session& sql, const nlohmann::json& payload)> on_dead;
};

inline constexpr std::chrono::seconds kLease{300};  // longer than any handler's network timeouts

// Finished jobs are kept this long (seconds after finished_at), then purge_finished() deletes
// them: done ones for a month of history, dead ones a season for an admin to notice and retry.
inline constexpr long long kDoneRetention = 30LL * 24 * 3600;
inline constexpr long long kDeadRetention = 90LL * 24 * 3600;
inline constexpr auto kPurgeInterval = std::chrono::hours(6);

// Deletes, as of `now` (Unix seconds), done jobs older than kDoneRetention and dead ones older
// than kDeadRetention; returns how many.
long long purge_finished(db::Database& database, long long now);

// A payload that carries someone's personal data names them with a top-level member "phone"
// (text) or "user_id" (number), so that deleting their account finds it: forget() deletes, in the
// caller's transaction, every job (in any status) whose payload has `member` equal to `value`.
// Payloads are written by nlohmann::json::dump (no spaces, quotes inside strings escaped), so the
// member appears as `"member":value` and nowhere else.
long long forget(soci::session& sql, const std::string& member, const nlohmann::json& value);

// The seconds before attempt `attempts` + 1, after `attempts` failed ones.
std::chrono::seconds backoff_after(int attempts, const KindOptions& options);

class Jobs {
 public:
  explicit Jobs(db::Database& database, Clock now = std::chrono::system_clock::now);
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Registers the handler of `kind` (e.g. "accounts.code_sms"); a module calls this while it
  // registers its routes, before the worker starts.
  void handle(const std::string& kind, Handler handler, KindOptions options = {});

  // Queues a job in the caller's session (and transaction); returns its id. `delay`: how long
  // from now until it is due.
  long long enqueue(soci::session& sql, const std::string& kind, const nlohmann::json& payload,
                    std::chrono::seconds delay = std::chrono::seconds(0));

  // Claims one due job, runs it and records the outcome; false when none was due.
  bool run_one();
  // run_one() until none is due or `max_jobs` ran; returns how many ran. The worker's task.
  int run_due(int max_jobs = 100);

  // Makes a dead job due again now with a fresh series of attempts; false unless it was dead.
  bool retry(long long id);
  // Whether a dead job of `kind` may be retried (KindOptions::retryable; unknown kinds may).
  bool retryable(const std::string& kind) const;

  db::Database& database() { return database_; }
  long long now_seconds() const;

 private:
  struct Kind {
    Handler handler;
    KindOptions options;
  };
  struct Claim;
  std::optional<Claim> claim();
  std::optional<Kind> kind_of(const std::string& kind) const;
  void record(const Claim& job, const std::optional<Kind>& kind, const std::string& error,
              bool permanent);

  db::Database& database_;
  Clock now_;
  mutable std::mutex mutex_;
  std::map<std::string, Kind> kinds_;
};

}  // namespace cdscb::server::jobs
