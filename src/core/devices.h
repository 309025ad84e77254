#pragma once
// Which browser and system a session was opened from, read from its User-Agent header, for the
// list of sessions in "Quản lý tài khoản" ("Chrome trên Android"). Best effort: browsers lie
// about each other, so the more specific names are looked for first.
#include <string>
#include <string_view>

namespace cdscb::core {

struct Device {
  std::string browser;  // "Chrome", "Safari", "Cốc Cốc", …; empty when unknown
  std::string system;   // "Android", "iPhone", "Windows", …; empty when unknown
};

Device describe_user_agent(std::string_view user_agent);

}  // namespace cdscb::core
