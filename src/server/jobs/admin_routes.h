// What an admin sees of the jobs and may do to them (payloads are not shown: they may hold a
// one-time code or personal data):
//   GET  /api/v1/admin/jobs?status=dead|pending|running|done&cursor=&limit=
//        → 200 {"jobs":[{id, kind, status, attempts, max_attempts, last_error, created_at,
//               last_attempt_at, run_after, finished_at}], "next_cursor"}  (newest first)
//   POST /api/v1/admin/jobs/{id}/retry → 200 {"job"} | 404 not_found | 409 not_dead
#pragma once

#include "http/router.h"
#include "jobs/jobs.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server::jobs {

struct AdminDeps {
  Jobs& jobs;
  accounts::Sessions sessions;
};

void register_admin_routes(http::Router& router, const AdminDeps& deps);

}  // namespace cdscb::server::jobs
