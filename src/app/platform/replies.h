#pragma once
// Answers to asynchronous platform requests (position, photos, IndexedDB, uploads) and events
// from overlays (a map's pin moved), kept by request id until the screen or state that asked
// takes them. API answers go to api::Client instead.
#include <deque>
#include <map>
#include <optional>
#include <string>

namespace platform {

class Replies {
 public:
  void deliver(std::string id, std::string json) {
    if (!answers_.count(id)) order_.push_back(id);
    answers_[std::move(id)] = std::move(json);
    // Nobody asked for the oldest ones any more (a screen left before its answer came).
    while (order_.size() > kKeep) {
      answers_.erase(order_.front());
      order_.pop_front();
    }
  }
  std::optional<std::string> take(const std::string& id) {
    auto it = answers_.find(id);
    if (it == answers_.end()) return std::nullopt;
    std::string json = std::move(it->second);
    answers_.erase(it);
    std::erase(order_, id);
    return json;
  }

 private:
  static constexpr std::size_t kKeep = 256;
  std::map<std::string, std::string> answers_;
  std::deque<std::string> order_;
};

}  // namespace platform
