#pragma once
// The device position. The answer arrives later as an InboundEvent::kReply with the request id
// and JSON {"lat":…,"lon":…,"accuracy":…} or {"error":"denied"|"unavailable"|"timeout"}.
#include <string>

namespace cdscb::app::platform::geolocation {

std::string request_position();

}  // namespace cdscb::app::platform::geolocation
