#include "jobs/admin_routes.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <vector>

#include "db/nullable_text.h"
#include "http/pagination.h"
#include "http/response.h"
#include "jobs/policy.h"
#include "modules/accounts/access.h"

namespace cdscb::server::jobs {
namespace {

constexpr std::string_view kCursorPrefix = "j";
constexpr long long kDefaultLimit = 50;
constexpr long long kMaxLimit = 200;
constexpr std::array<std::string_view, 4> kStatuses = {"dead", "pending", "running", "done"};
constexpr std::string_view kStatusInvalid =
    "Trạng thái không hợp lệ (chỉ \"dead\", \"pending\", \"running\" hoặc \"done\").";
constexpr std::string_view kJobNotFound = "Không tìm thấy công việc này.";
constexpr std::string_view kNotRetryable =
    "Không thể chạy lại công việc này: nội dung của nó đã hết hạn (ví dụ mã xác nhận). Người dân "
    "cần yêu cầu lại.";
constexpr std::string_view kNotDead = "Chỉ chạy lại được công việc đã hỏng (hết số lần thử).";

constexpr const char* kColumns =
    "id, kind, status, attempts, max_attempts, last_error, created_at, last_attempt_at, "
    "run_after, finished_at";

struct Row {
  long long id = 0;
  std::string kind;
  std::string status;
  int attempts = 0;
  int max_attempts = 0;
  db::NullableText last_error;
  long long created_at = 0;
  db::Nullable<long long> last_attempt_at;
  long long run_after = 0;
  db::Nullable<long long> finished_at;
};

template <class Statement>
void bind(Statement& statement, Row& row) {
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.kind));
  statement.exchange(soci::into(row.status));
  statement.exchange(soci::into(row.attempts));
  statement.exchange(soci::into(row.max_attempts));
  statement.exchange(soci::into(row.last_error.value, row.last_error.indicator));
  statement.exchange(soci::into(row.created_at));
  statement.exchange(soci::into(row.last_attempt_at.value, row.last_attempt_at.indicator));
  statement.exchange(soci::into(row.run_after));
  statement.exchange(soci::into(row.finished_at.value, row.finished_at.indicator));
}

nlohmann::json row_json(const Row& row, bool retryable) {
  const auto or_null = [](const auto& nullable) {
    const auto value = nullable.get();
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"id", row.id},
          {"kind", row.kind},
          {"status", row.status},
          {"attempts", row.attempts},
          {"max_attempts", row.max_attempts},
          {"last_error", or_null(row.last_error)},
          {"created_at", row.created_at},
          {"last_attempt_at", or_null(row.last_attempt_at)},
          {"run_after", row.run_after},
          {"finished_at", or_null(row.finished_at)},
          {"retryable", retryable}};
}

std::optional<Row> find_job(soci::session& sql, long long id) {
  Row row;
  soci::statement statement(sql);
  statement.alloc();
  statement.prepare(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = :id");
  statement.exchange(soci::use(id));
  bind(statement, row);
  statement.define_and_bind();
  if (!statement.execute(true)) return std::nullopt;
  return row;
}

http::Response list_jobs(const AdminDeps& deps, const http::Request& request) {
  accounts::require(may_manage_jobs(deps.sessions.require_user(request)));
  http::FieldErrors errors;
  const std::string status(request.query_param("status").value_or("dead"));
  if (std::find(kStatuses.begin(), kStatuses.end(), status) == kStatuses.end()) {
    errors.add("status", kStatusInvalid);
  }
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const auto before = http::read_cursor(request, errors, kCursorPrefix, 1);
  errors.throw_if_any();

  // Newest first; the cursor is the last id shown, and the next page holds smaller ids.
  const long long below = before.value_or(std::numeric_limits<long long>::max());
  const long long fetch = limit + 1;  // one more tells whether a next page exists
  soci::session sql(deps.jobs.database().pool());
  Row row;
  soci::statement statement(sql);
  statement.alloc();
  statement.prepare(std::string("SELECT ") + kColumns +
                    " FROM jobs WHERE status = :status AND id < :below ORDER BY id DESC "
                    "LIMIT :fetch");
  statement.exchange(soci::use(status));
  statement.exchange(soci::use(below));
  statement.exchange(soci::use(fetch));
  bind(statement, row);
  statement.define_and_bind();
  statement.execute();
  std::vector<Row> rows;
  while (statement.fetch()) rows.push_back(row);

  const bool more = static_cast<long long>(rows.size()) > limit;
  if (more) rows.pop_back();
  nlohmann::json list = nlohmann::json::array();
  for (const Row& each : rows) list.push_back(row_json(each, deps.jobs.retryable(each.kind)));
  const nlohmann::json next =
      more ? nlohmann::json(std::string(kCursorPrefix) + std::to_string(rows.back().id)) : nullptr;
  return http::no_store(http::Response::json(200, {{"jobs", list}, {"next_cursor", next}}));
}

http::Response retry_job(const AdminDeps& deps, const http::Request& request) {
  accounts::require(may_manage_jobs(deps.sessions.require_user(request)));
  const auto id = http::parse_integer(request.param("id").value_or(""));
  if (!id) throw http::HttpError(404, "not_found", kJobNotFound);
  if (!deps.jobs.retry(*id)) {
    soci::session sql(deps.jobs.database().pool());
    const auto job = find_job(sql, *id);
    if (!job) throw http::HttpError(404, "not_found", kJobNotFound);
    if (job->status == "dead" && !deps.jobs.retryable(job->kind))
      throw http::HttpError(409, "not_retryable", kNotRetryable);
    throw http::HttpError(409, "not_dead", kNotDead);
  }
  soci::session sql(deps.jobs.database().pool());
  const auto job = find_job(sql, *id);
  if (!job) throw http::HttpError(404, "not_found", kJobNotFound);
  return http::no_store(
      http::Response::json(200, {{"job", row_json(*job, deps.jobs.retryable(job->kind))}}));
}

}  // namespace

void register_admin_routes(http::Router& router, const AdminDeps& deps) {
  router.get("/api/v1/admin/jobs",
             [deps](const http::Request& request) { return list_jobs(deps, request); });
  router.post("/api/v1/admin/jobs/{id}/retry",
              [deps](const http::Request& request) { return retry_job(deps, request); });
}

}  // namespace cdscb::server::jobs
