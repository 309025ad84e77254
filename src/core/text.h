#pragma once
// Vietnamese text helpers: UTF-8 checks and the folding that search uses, so that "sat lo"
// finds "sạt lở" and "HOA AN" finds "Hòa An".
#include <string>
#include <string_view>

namespace cdscb::core {

// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Lower-cases and removes Vietnamese diacritics (precomposed or combining); đ becomes d.
// Other characters pass through unchanged; invalid bytes are dropped.
std::string fold_for_search(std::string_view text);

// Appends the UTF-8 bytes of the code point `cp` (which the caller has checked is valid).
void append_utf8(std::string& out, char32_t cp);

// Number of Unicode code points (what a user counts as characters for length limits).
size_t count_code_points(std::string_view text);

// The first letter of `text` as the reader sees it: its first code point and the combining marks
// after it ("Ư" + U+0303 stays whole); empty for empty or malformed text.
std::string_view first_letter(std::string_view text);

}  // namespace cdscb::core
