#pragma once

#include <string_view>

namespace cdscb::server {

// The project version from CMake (project(... VERSION ...)).
std::string_view server_version();

}  // namespace cdscb::server
