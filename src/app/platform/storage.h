#pragma once
// Small key-value settings that survive reloads (localStorage on the web, a file natively).
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::app::platform::storage {

std::optional<std::string> get(std::string_view key);
void set(std::string_view key, std::string_view value);

}  // namespace cdscb::app::platform::storage
