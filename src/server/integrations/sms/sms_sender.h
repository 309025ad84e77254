// Where text messages go: a real SMS gateway in production, the sandbox stand-in in development,
// a fake in unit tests.
#pragma once

#include <string>

namespace cdscb::server::integrations {

class SmsSender {
 public:
  virtual ~SmsSender() = default;
  // Sends `text` to `phone` (a normalised Vietnamese number such as "0912345678"). True when the
  // gateway accepted it. May block for a network round trip: call it on the worker pool.
  virtual bool send(const std::string& phone, const std::string& text) = 0;
};

}  // namespace cdscb::server::integrations
