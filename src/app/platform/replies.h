#pragma once
// Answers to platform requests (position, picked files) by request id: the app files every
// kReply that no API call claimed here, and the screen that asked takes its own.
#include <map>
#include <optional>
#include <string>

namespace platform {

class Replies {
 public:
  void put(std::string id, std::string json) { answers_[std::move(id)] = std::move(json); }
  std::optional<std::string> take(const std::string& id) {
    auto it = answers_.find(id);
    if (it == answers_.end()) return std::nullopt;
    std::string json = std::move(it->second);
    answers_.erase(it);
    return json;
  }

 private:
  std::map<std::string, std::string> answers_;
};

// The one store the app's inbox fills (platform callbacks carry no context pointer).
inline Replies& replies() {
  static Replies the_replies;
  return the_replies;
}

}  // namespace platform
