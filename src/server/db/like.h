// LIKE patterns from user text: `%` and `_` in the text match themselves, on SQLite and
// PostgreSQL alike. Use with `LIKE :pattern ESCAPE '!'`.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::db {

// `text` with LIKE's wildcards and the escape character `!` escaped by `!`.
inline std::string like_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out;
}

// Matches any text that contains `text`.
inline std::string like_contains(std::string_view text) { return "%" + like_escape(text) + "%"; }

}  // namespace cdscb::server::db
