#include "integrations/sms/http_sms_sender.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "core/accounts.h"
#include "util/log.h"

namespace cdscb::server::integrations {

HttpSmsSender::HttpSmsSender(const std::string& url, std::chrono::milliseconds timeout,
                             std::string ca_file, AddressPolicy addresses)
    : timeout_(timeout), ca_file_(std::move(ca_file)), addresses_(std::move(addresses)) {
  if (url.empty()) return;
  url_ = parse_http_url(url);
  if (!url_) throw std::invalid_argument("SMS gateway URL must be http(s)://host[:port]/path");
}

bool HttpSmsSender::send(const std::string& phone, const std::string& text) {
  // The text holds a one-time code: log the masked number only, never the text.
  const std::string masked = core::mask_phone(phone);
  if (!url_) {
    util::log_warn("sms: no gateway configured (--sms-url); message to " + masked + " not sent");
    return false;
  }
  HttpCall call;
  call.method = "POST";
  call.headers = {{"Content-Type", "application/json; charset=utf-8"},
                  {"Accept", "application/json"}};
  call.body = nlohmann::json{{"to", phone}, {"text", text}}.dump();
  call.timeout = timeout_;
  call.ca_file = ca_file_;
  call.addresses = addresses_;
  try {
    const HttpReply reply = http_call(*url_, call);
    if (reply.status >= 200 && reply.status < 300) return true;
    util::log_warn("sms: gateway answered " + std::to_string(reply.status) + " for a message to " +
                   masked);
  } catch (const std::exception& e) {
    util::log_warn(std::string("sms: ") + e.what() + " (message to " + masked + ")");
  }
  return false;
}

}  // namespace cdscb::server::integrations
