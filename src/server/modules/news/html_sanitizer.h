// Feed items' HTML turned into the safe block list: headings, paragraphs with bold, italic and
// http(s) links, lists and images. Everything else is dropped: scripts, styles, iframes, forms,
// event handlers and every other attribute; other tags keep only their text. Entities are decoded.
// Nothing of the input reaches the app as markup, so there is nothing left to escape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/news.h"

namespace cdscb::server::news {

// `base_url` (the item's link) resolves relative links and image sources; without one they are
// dropped.
std::vector<core::Block> sanitize_html(std::string_view html, std::string_view base_url = "");

// The words of `html` on one line (for summaries and titles that hold markup).
std::string html_to_text(std::string_view html);

// "&amp;", "&#273;", "&#x111;", "&agrave;"… decoded; unknown entities stay as written.
std::string decode_entities(std::string_view text);

// `url` made absolute against `base` ("/a", "a", "//host/a"), then checked by safe_http_url.
std::optional<std::string> resolve_url(std::string_view base, std::string_view url);

}  // namespace cdscb::server::news
