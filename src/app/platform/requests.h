#pragma once
// Ids for asynchronous platform requests ("geo-1", "photo-2", …), matched against kReply events.
#include <string>
#include <string_view>

namespace cdscb::app::platform {

inline std::string next_request_id(std::string_view kind) {
  static unsigned counter = 0;
  return std::string(kind) + "-" + std::to_string(++counter);
}

}  // namespace cdscb::app::platform
