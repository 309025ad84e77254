#pragma once
// Answers to asynchronous platform requests (the IndexedDB store, sharing) wait here until the
// state or screen that asked takes them, like api::Client does for HTTP answers.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace cdscb::app::state {

class Replies {
 public:
  // Registers a request id returned by a platform call; returns it for convenience.
  const std::string& expect(const std::string& request_id) {
    return *pending_.insert(request_id).first;
  }
  // Returns true when the reply belonged to an expected request.
  bool deliver(const std::string& request_id, std::string reply_json) {
    if (!pending_.erase(request_id)) return false;
    answered_[request_id] = std::move(reply_json);
    return true;
  }
  std::optional<std::string> take(const std::string& request_id) {
    auto it = answered_.find(request_id);
    if (it == answered_.end()) return std::nullopt;
    std::string reply = std::move(it->second);
    answered_.erase(it);
    return reply;
  }
  bool waiting(const std::string& request_id) const { return pending_.count(request_id) > 0; }

 private:
  std::set<std::string> pending_;
  std::map<std::string, std::string> answered_;
};

}  // namespace cdscb::app::state
