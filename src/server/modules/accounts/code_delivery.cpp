#include "modules/accounts/code_delivery.h"

#include <soci/soci.h>

#include "core/accounts.h"
#include "util/log.h"

namespace cdscb::server::accounts {
namespace {

struct CodeJob {
  std::string phone;
  CodePurpose purpose = CodePurpose::kRegister;
  std::string text;
  long long created_at = 0;
};

// The payload as queue_code wrote it; PermanentFailure for anything else (e.g. a redacted one).
CodeJob read_payload(const nlohmann::json& payload) {
  try {
    CodeJob job;
    job.phone = payload.at("phone").get<std::string>();
    const auto purpose = parse_purpose(payload.at("purpose").get<std::string>());
    if (!purpose) throw jobs::PermanentFailure("unknown code purpose");
    job.purpose = *purpose;
    job.text = payload.at("text").get<std::string>();
    job.created_at = payload.at("created_at").get<long long>();
    return job;
  } catch (const nlohmann::json::exception&) {
    throw jobs::PermanentFailure("the message is gone (sent, expired or redacted)");
  }
}

}  // namespace

void register_code_delivery(jobs::Jobs& jobs, integrations::SmsSender& sms) {
  jobs::KindOptions options;
  options.max_attempts = 4;  // after 0, 5, 10 and 20 s: all well within the code's lifetime
  options.first_backoff = std::chrono::seconds(5);
  options.max_backoff = std::chrono::seconds(60);
  options.redact_when_finished = true;  // the text holds the code
  options.retryable = false;            // dead means expired or forgotten: ask for a new code
  options.on_dead = [](soci::session& sql, const nlohmann::json& payload) {
    if (!payload.contains("phone")) return;  // redacted by an earlier death: forgotten already
    const CodeJob job = read_payload(payload);
    forget_send(sql, job.phone, job.purpose, job.created_at);
  };
  jobs.handle(
      std::string(kCodeSmsJob),
      [&jobs, &sms](const nlohmann::json& payload) {
        const CodeJob job = read_payload(payload);
        const std::string what =
            std::string(purpose_name(job.purpose)) + " code for " +
            core::mask_phone(job.phone);  // never the code: logs are read widely
        if (jobs.now_seconds() >= job.created_at + kCodeLifetime) {
          throw jobs::PermanentFailure("the " + what + " expired before it could be sent");
        }
        if (!sms.send(job.phone, job.text)) {
          throw std::runtime_error("the SMS gateway did not accept the " + what);
        }
        util::log_info("accounts: " + std::string(purpose_name(job.purpose)) + " code sent to " +
                       core::mask_phone(job.phone));
      },
      options);
}

void queue_code(jobs::Jobs& jobs, soci::session& sql, const std::string& phone, CodePurpose purpose,
                const std::string& code, long long now) {
  jobs.enqueue(sql, std::string(kCodeSmsJob),
               {{"phone", phone},
                {"purpose", purpose_name(purpose)},
                {"text", code_message(purpose, code)},
                {"created_at", now}});
}

}  // namespace cdscb::server::accounts
