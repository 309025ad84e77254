#include "core/text.h"

#include <array>
#include <unordered_map>

namespace cdscb::core {
namespace {

// Decodes one code point at text[i]; returns false on malformed input (i is still advanced).
bool decode(std::string_view text, size_t& i, char32_t& out) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  int extra = lead < 0x80           ? 0
              : (lead >> 5) == 0x6  ? 1
              : (lead >> 4) == 0xE  ? 2
              : (lead >> 3) == 0x1E ? 3
                                    : -1;
  if (extra < 0 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) {
    ++i;
    return false;
  }
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) {
      i += k;
      return false;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += extra + 1;
  static constexpr std::array<char32_t, 4> kMin{0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  out = cp;
  return true;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Every precomposed Vietnamese letter, upper and lower case, by its base letter.
const std::unordered_map<char32_t, char>& folding_table() {
  static const std::unordered_map<char32_t, char> table = [] {
    const std::array<std::pair<char, std::string_view>, 7> groups{{
        {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
        {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
        {'i', "ìíỉĩịÌÍỈĨỊ"},
        {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
        {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
        {'y', "ỳýỷỹỵỲÝỶỸỴ"},
        {'d', "đĐ"},
    }};
    std::unordered_map<char32_t, char> map;
    for (const auto& [base, letters] : groups) {
      size_t i = 0;
      char32_t cp;
      while (i < letters.size())
        if (decode(letters, i, cp)) map[cp] = base;
    }
    return map;
  }();
  return table;
}

bool is_combining_mark(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

}  // namespace

bool is_valid_utf8(std::string_view text) {
  size_t i = 0;
  char32_t cp;
  while (i < text.size())
    if (!decode(text, i, cp)) return false;
  return true;
}

std::string fold_for_search(std::string_view text) {
  const auto& table = folding_table();
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  char32_t cp;
  while (i < text.size()) {
    if (!decode(text, i, cp) || is_combining_mark(cp)) continue;
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    } else if (auto it = table.find(cp); it != table.end()) {
      out += it->second;
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

size_t count_code_points(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view first_letter(std::string_view text) {
  size_t end = 0;
  char32_t cp = 0;
  if (text.empty() || !decode(text, end, cp)) return {};
  for (size_t next = end; next < text.size(); end = next) {
    if (!decode(text, next, cp) || cp < 0x300 || cp > 0x36F) break;  // combining diacritics
  }
  return text.substr(0, end);
}

}  // namespace cdscb::core
