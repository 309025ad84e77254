#include "jobs/jobs.h"

#include <soci/soci.h>

#include <algorithm>
#include <exception>
#include <utility>
#include <vector>

#include "db/like.h"
#include "util/log.h"

namespace cdscb::server::jobs {
namespace {

constexpr std::size_t kMaxErrorLength = 500;
constexpr int kCandidates = 8;  // due ids read per claim; a parallel worker may take some

// Due: pending and past run_after, or claimed by a process whose lease ran out.
constexpr const char* kDue =
    "((status = 'pending' AND run_after <= :now1) OR "
    "(status = 'running' AND locked_until <= :now2))";

std::string short_error(std::string error) {
  if (error.size() > kMaxErrorLength) error.resize(kMaxErrorLength);
  return error;
}

}  // namespace

struct Jobs::Claim {
  long long id = 0;
  std::string kind;
  nlohmann::json payload;
  int attempts = 0;  // including this one
  int max_attempts = 0;
};

std::chrono::seconds backoff_after(int attempts, const KindOptions& options) {
  long long seconds = options.first_backoff.count();
  for (int i = 1; i < attempts && seconds < options.max_backoff.count(); ++i) seconds *= 2;
  return std::chrono::seconds(std::min<long long>(seconds, options.max_backoff.count()));
}

Jobs::Jobs(db::Database& database, Clock now) : database_(database), now_(std::move(now)) {}

long long Jobs::now_seconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(now_().time_since_epoch()).count();
}

void Jobs::handle(const std::string& kind, Handler handler, KindOptions options) {
  const std::lock_guard lock(mutex_);
  kinds_[kind] = Kind{std::move(handler), std::move(options)};
}

std::optional<Jobs::Kind> Jobs::kind_of(const std::string& kind) const {
  const std::lock_guard lock(mutex_);
  const auto found = kinds_.find(kind);
  if (found == kinds_.end()) return std::nullopt;
  return found->second;
}

long long Jobs::enqueue(soci::session& sql, const std::string& kind, const nlohmann::json& payload,
                        std::chrono::seconds delay) {
  const long long now = now_seconds();
  const long long run_after = now + delay.count();
  const std::string body = payload.dump();
  const auto known = kind_of(kind);
  const int max_attempts = known ? known->options.max_attempts : KindOptions{}.max_attempts;
  long long id = 0;
  sql << "INSERT INTO jobs (kind, payload, status, run_after, attempts, max_attempts, created_at) "
         "VALUES (:kind, :payload, 'pending', :run_after, 0, :max_attempts, :now) RETURNING id",
      soci::use(kind), soci::use(body), soci::use(run_after), soci::use(max_attempts),
      soci::use(now), soci::into(id);
  return id;
}

std::optional<Jobs::Claim> Jobs::claim() {
  const long long now = now_seconds();
  const long long lease_end = now + kLease.count();
  soci::session sql(database_.pool());
  std::vector<long long> candidates(kCandidates);
  sql << std::string("SELECT id FROM jobs WHERE ") + kDue + " ORDER BY run_after, id LIMIT " +
             std::to_string(kCandidates),
      soci::use(now), soci::use(now), soci::into(candidates);
  for (const long long id : candidates) {
    // The WHERE clause re-checks that the job is still due: of two workers, one changes the row.
    soci::statement take =
        (sql.prepare << std::string("UPDATE jobs SET status = 'running', locked_until = :lease, "
                                    "attempts = attempts + 1, last_attempt_at = :now "
                                    "WHERE id = :id AND ") +
                            kDue,
         soci::use(lease_end), soci::use(now), soci::use(id), soci::use(now), soci::use(now));
    take.execute(true);
    if (take.get_affected_rows() != 1) continue;
    Claim job;
    job.id = id;
    std::string payload;
    sql << "SELECT kind, payload, attempts, max_attempts FROM jobs WHERE id = :id", soci::use(id),
        soci::into(job.kind), soci::into(payload), soci::into(job.attempts),
        soci::into(job.max_attempts);
    job.payload = nlohmann::json::parse(payload, nullptr, false);
    return job;
  }
  return std::nullopt;
}

bool Jobs::run_one() {
  const auto job = claim();  // its session is back in the pool before the handler runs
  if (!job) return false;
  const auto kind = kind_of(job->kind);
  std::string error;
  bool permanent = false;
  if (!kind) {
    error = "no handler for the kind " + job->kind + " in this server";
  } else if (job->payload.is_discarded()) {
    error = "the payload is not JSON";
    permanent = true;
  } else {
    try {
      kind->handler(job->payload);
    } catch (const PermanentFailure& e) {
      error = e.what();
      permanent = true;
    } catch (const std::exception& e) {
      error = e.what();
      if (error.empty()) error = "failed";
    }
  }
  record(*job, kind, error, permanent);
  return true;
}

void Jobs::record(const Claim& job, const std::optional<Kind>& kind, const std::string& error,
                  bool permanent) {
  const KindOptions options = kind ? kind->options : KindOptions{};
  const long long now = now_seconds();
  const std::string redacted = "{}";
  soci::session sql(database_.pool());
  // Each update is fenced by the attempt number: a worker whose lease lapsed and was re-claimed
  // records nothing over the newer attempt.
  if (error.empty()) {
    const std::string payload = options.redact_when_finished ? redacted : job.payload.dump();
    sql << "UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = :now, "
           "last_error = NULL, payload = :payload "
           "WHERE id = :id AND status = 'running' AND attempts = :attempts",
        soci::use(now), soci::use(payload), soci::use(job.id), soci::use(job.attempts);
    return;
  }
  const std::string message = short_error(error);
  if (!permanent && job.attempts < job.max_attempts) {
    const long long run_after = now + backoff_after(job.attempts, options).count();
    sql << "UPDATE jobs SET status = 'pending', locked_until = NULL, run_after = :run_after, "
           "last_error = :error WHERE id = :id AND status = 'running' AND attempts = :attempts",
        soci::use(run_after), soci::use(message), soci::use(job.id), soci::use(job.attempts);
    util::log_warn("jobs: " + job.kind + " #" + std::to_string(job.id) + " attempt " +
                   std::to_string(job.attempts) + " failed, retried later: " + message);
    return;
  }
  db::Transaction transaction(sql, database_.backend());
  const std::string payload = options.redact_when_finished ? redacted : job.payload.dump();
  soci::statement bury =
      (sql.prepare << "UPDATE jobs SET status = 'dead', locked_until = NULL, finished_at = :now, "
                      "last_error = :error, payload = :payload "
                      "WHERE id = :id AND status = 'running' AND attempts = :attempts",
       soci::use(now), soci::use(message), soci::use(payload), soci::use(job.id),
       soci::use(job.attempts));
  bury.execute(true);
  if (bury.get_affected_rows() == 1 && options.on_dead && !job.payload.is_discarded()) {
    options.on_dead(sql, job.payload);
  }
  transaction.commit();
  util::log_warn("jobs: " + job.kind + " #" + std::to_string(job.id) + " dead after " +
                 std::to_string(job.attempts) + " attempt(s): " + message);
}

int Jobs::run_due(int max_jobs) {
  int ran = 0;
  while (ran < max_jobs && run_one()) ++ran;
  return ran;
}

long long purge_finished(db::Database& database, long long now) {
  soci::session sql(database.pool());
  const long long done_before = now - kDoneRetention;
  const long long dead_before = now - kDeadRetention;
  soci::statement purge =
      (sql.prepare << "DELETE FROM jobs WHERE (status = 'done' AND finished_at < :done) "
                      "OR (status = 'dead' AND finished_at < :dead)",
       soci::use(done_before), soci::use(dead_before));
  purge.execute(true);
  return purge.get_affected_rows();
}

long long forget(soci::session& sql, const std::string& member, const nlohmann::json& value) {
  const std::string pattern = db::like_contains(nlohmann::json(member).dump() + ":" + value.dump());
  soci::statement erase = (sql.prepare << "DELETE FROM jobs WHERE payload LIKE :pattern ESCAPE '!'",
                           soci::use(pattern));
  erase.execute(true);
  return erase.get_affected_rows();
}

bool Jobs::retry(long long id) {
  soci::session sql(database_.pool());
  std::string kind;
  soci::indicator found = soci::i_null;
  sql << "SELECT kind FROM jobs WHERE id = :id", soci::use(id), soci::into(kind, found);
  if (found != soci::i_ok) return false;
  const auto known = kind_of(kind);
  if (known && !known->options.retryable) return false;
  const int more = known ? known->options.max_attempts : KindOptions{}.max_attempts;
  const long long now = now_seconds();
  soci::statement revive =
      (sql.prepare << "UPDATE jobs SET status = 'pending', run_after = :now, finished_at = NULL, "
                      "max_attempts = attempts + :more WHERE id = :id AND status = 'dead'",
       soci::use(now), soci::use(more), soci::use(id));
  revive.execute(true);
  return revive.get_affected_rows() == 1;
}

bool Jobs::retryable(const std::string& kind) const {
  const auto known = kind_of(kind);
  return !known || known->options.retryable;
}

}  // namespace cdscb::server::jobs
