#include "core/devices.h"

#include <utility>

namespace cdscb::core {
namespace {

// Token in the User-Agent → name shown; the first match wins, so browsers that also claim to
// be Chrome or Safari come before them.
constexpr std::pair<std::string_view, std::string_view> kBrowsers[] = {
    {"coc_coc_browser", "Cốc Cốc"},
    {"Zalo", "Zalo"},
    {"Edg", "Edge"},
    {"OPR/", "Opera"},
    {"SamsungBrowser/", "Samsung Internet"},
    {"CriOS/", "Chrome"},
    {"FxiOS/", "Firefox"},
    {"Firefox/", "Firefox"},
    {"Chrome/", "Chrome"},
    {"Chromium/", "Chrome"},
    {"Safari/", "Safari"},
};

constexpr std::pair<std::string_view, std::string_view> kSystems[] = {
    {"Android", "Android"}, {"iPhone", "iPhone"},   {"iPad", "iPad"},      {"Windows", "Windows"},
    {"CrOS", "ChromeOS"},   {"Macintosh", "macOS"}, {"Mac OS X", "macOS"}, {"Linux", "Linux"},
};

template <std::size_t N>
std::string first_match(std::string_view text,
                        const std::pair<std::string_view, std::string_view> (&table)[N]) {
  for (const auto& [token, name] : table)
    if (text.find(token) != std::string_view::npos) return std::string(name);
  return {};
}

}  // namespace

Device describe_user_agent(std::string_view user_agent) {
  return {first_match(user_agent, kBrowsers), first_match(user_agent, kSystems)};
}

}  // namespace cdscb::core
