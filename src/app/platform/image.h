#pragma once
// Pictures for the app's screens (news covers, article images). The page fetches and decodes the
// image (through the service worker's cache, so thumbnails work offline) and puts it straight into
// a GPU texture that ImGui draws (ImTextureID is the GL texture name). The answer arrives as a
// kReply with {"texture":N,"width":W,"height":H} or {"error":"…"}.
#include <string>
#include <string_view>

namespace cdscb::app::platform::image {

// Decodes to at most max_width pixels wide (keeps GPU memory small on phones).
std::string load(std::string_view url, int max_width);
// Frees a texture that load() made.
void release(unsigned texture);
// Fetches an image only so the service worker keeps it for offline use; no answer.
void prefetch(std::string_view url);

}  // namespace cdscb::app::platform::image
