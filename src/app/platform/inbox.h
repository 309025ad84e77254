#pragma once
// Events that reach the app from outside its frame loop: the page's mirror elements, the
// browser's history, and answers to asynchronous platform requests. The platform pushes them,
// the app drains them at the start of a frame.
#include <deque>
#include <string>
#include <utility>

namespace cdscb::app::platform {

struct InboundEvent {
  enum class Kind {
    kActivate,
    kSetValue,
    kFocus,
    kBlur,
    kRouteChanged,
    kNetworkChanged,
    kReply,
    kWake
  };
  Kind kind = Kind::kWake;
  std::string id;     // widget id, or request id for replies
  std::string value;  // text, hash, or reply JSON
};

class Inbox {
 public:
  void push(InboundEvent event) { events_.push_back(std::move(event)); }
  bool empty() const { return events_.empty(); }
  std::deque<InboundEvent> drain() { return std::exchange(events_, {}); }

 private:
  std::deque<InboundEvent> events_;
};

// The one inbox the page's callbacks write into (C callbacks cannot carry a context pointer).
Inbox& inbox();

// Asks the frame loop to render again soon (it sleeps when nothing changes).
void request_wake();
// Asks for a frame after a delay (countdowns, retries) while the loop sleeps.
void request_wake_after(double seconds);

}  // namespace cdscb::app::platform
