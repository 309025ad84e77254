#pragma once
// Core's validation messages are keys of public/i18n/vi.json
// ("validation.feedback.title_required"), so that the app shows them in the citizen's language. The
// server answers in Vietnamese, from the same file compiled in at build time
// (vietnamese_data.cpp.in), so each text lives once.
#include <string>
#include <string_view>

namespace cdscb::server::util {

// The Vietnamese text of a "validation." key, with the arguments a core::message carries filled
// in; any other text (the server's own Vietnamese messages) unchanged. A key missing from vi.json
// comes back as itself, as the app would show it.
std::string vietnamese(std::string_view text);

// public/i18n/vi.json as built in.
std::string_view embedded_vietnamese();

}  // namespace cdscb::server::util
