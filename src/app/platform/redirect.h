#pragma once
// Leaves the app for another page (the VNeID login, a payment gateway) or opens a tel:/mailto:
// link.
#include <string_view>

namespace platform::redirect {

void go_to(std::string_view url);

}  // namespace platform::redirect
