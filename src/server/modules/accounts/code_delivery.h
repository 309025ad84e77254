// One-time codes go out by text message as a job (jobs/jobs.h), never from the request: the
// request that makes a code answers at once, and a slow or stalled gateway holds up only the job.
#pragma once

#include <string>
#include <string_view>

#include "integrations/sms/sms_sender.h"
#include "jobs/jobs.h"
#include "modules/accounts/codes.h"

namespace cdscb::server::accounts {

inline constexpr std::string_view kCodeSmsJob = "accounts.code_sms";

// Registers the job that texts a code: tried up to 4 times over about a minute (the code lives
// 5 minutes); a code that expired before it could go out is not sent. A job out of attempts
// forgets the send (forget_send), so the person may ask for a new code at once.
void register_code_delivery(jobs::Jobs& jobs, integrations::SmsSender& sms);

// Queues the text carrying `code`, in the caller's transaction (the one that stored the code
// at `now`), so the code and its message commit together.
void queue_code(jobs::Jobs& jobs, soci::session& sql, const std::string& phone, CodePurpose purpose,
                const std::string& code, long long now);

}  // namespace cdscb::server::accounts
