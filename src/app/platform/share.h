#pragma once
// "Chia sẻ": the phone's share sheet (Web Share API) when there is one, else the link is copied
// to the clipboard. `route` is the app's hash ("#/tin-tuc/12"); the page makes the full address.
// The answer arrives as a kReply {"result":"shared"|"copied"|"cancelled"|"failed"}.
#include <string>
#include <string_view>

namespace cdscb::app::platform::share {

std::string share(std::string_view title, std::string_view route);

// The same for a piece of text (a secret shown once, like an Open311 key): the share sheet with
// the text, else the text copied. Same reply.
std::string share_text(std::string_view title, std::string_view text);

}  // namespace cdscb::app::platform::share
