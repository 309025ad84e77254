// Content types, content-hash detection and the header parsing static files need.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::http {

// Content-Type for a file name by its extension; "application/octet-stream" when unknown.
std::string_view content_type_for(std::string_view filename);

// Whether the file's base name carries a content hash: ".<8 or more of [0-9a-f]>." as in
// "app.3fa9c2d1e0.wasm". Such files never change, so they may be cached for a year.
bool has_content_hash(std::string_view path);

// Whether an Accept-Encoding value allows `coding` ("br", "gzip"), honouring q=0 and "*".
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

// Weak comparison of an If-None-Match value ("*", or a list of possibly W/ tags) with `etag`.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

// A strong ETag: the quoted hex of the first 16 bytes of SHA-256(bytes).
std::string strong_etag(std::string_view bytes);

}  // namespace cdscb::server::http
