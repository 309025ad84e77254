#pragma once
// Leaves the app for another page (the VNeID login, a payment gateway) or opens a tel:/mailto:
// link.
#include <string>
#include <string_view>

namespace cdscb::app::platform::redirect {

void go_to(std::string_view url);
// Opens a web page in a new tab, keeping the app where it was (links inside news articles).
void open_in_new_tab(std::string_view url);
// Where the app runs ("https://host[:port]"), for links it shows or encodes (a receipt's QR).
std::string page_origin();

}  // namespace cdscb::app::platform::redirect
