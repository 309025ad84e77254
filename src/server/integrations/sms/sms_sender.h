// Where text messages go: a real SMS gateway in production, the sandbox stand-in in development,
// a fake in unit tests.
#pragma once

#include <string>

namespace cdscb::server::integrations {

class SmsSender {
 public:
  virtual ~SmsSender() = default;
  // Sends `text` to `phone` (a normalised Vietnamese number such as "0912345678"). True when the
  // gateway accepted it. May block for a network round trip: call it from a job (jobs/jobs.h),
  // never while holding a pooled database session.
  virtual bool send(const std::string& phone, const std::string& text) = 0;
  // False when no gateway is set up at all, so a request can say so at once instead of queueing a
  // message that can never go out.
  virtual bool configured() const { return true; }
};

}  // namespace cdscb::server::integrations
