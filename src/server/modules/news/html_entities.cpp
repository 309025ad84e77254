// HTML entity decoding for the sanitiser: the named entities feeds use (Latin-1 letters that
// Vietnamese shares, punctuation) and every numeric one.
#include <array>
#include <utility>

#include "modules/news/html_sanitizer.h"

namespace cdscb::server::news {
namespace {

constexpr std::array<std::pair<std::string_view, char32_t>, 68> kNamed = {{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB},    {"raquo", 0xBB},
    {"bull", 0x2022},  {"middot", 0xB7},  {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},
    {"euro", 0x20AC},  {"deg", 0xB0},     {"times", 0xD7},   {"divide", 0xF7},   {"agrave", 0xE0},
    {"aacute", 0xE1},  {"acirc", 0xE2},   {"atilde", 0xE3},  {"egrave", 0xE8},   {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"igrave", 0xEC},  {"iacute", 0xED},  {"ograve", 0xF2},   {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"otilde", 0xF5},  {"ugrave", 0xF9},  {"uacute", 0xFA},   {"yacute", 0xFD},
    {"Agrave", 0xC0},  {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Atilde", 0xC3},   {"Egrave", 0xC8},
    {"Eacute", 0xC9},  {"Ecirc", 0xCA},   {"Igrave", 0xCC},  {"Iacute", 0xCD},   {"Ograve", 0xD2},
    {"Oacute", 0xD3},  {"Ocirc", 0xD4},   {"Otilde", 0xD5},  {"Ugrave", 0xD9},   {"Uacute", 0xDA},
    {"Yacute", 0xDD},  {"ccedil", 0xE7},  {"uuml", 0xFC},    {"ouml", 0xF6},     {"auml", 0xE4},
    {"shy", 0xAD},     {"zwnj", 0x200C},  {"zwj", 0x200D},   {"thinsp", 0x2009}, {"ensp", 0x2002},
    {"emsp", 0x2003},  {"prime", 0x2032}, {"sect", 0xA7},
}};

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

// The code point of "#123" or "#x7b"; U+FFFD for NUL, surrogates and values past U+10FFFF.
std::optional<char32_t> numeric(std::string_view name) {
  const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  unsigned long value = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
  }
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  return static_cast<char32_t>(value);
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(i, amp - i));
    const std::size_t semi = text.find(';', amp + 1);
    std::optional<char32_t> cp;
    if (semi != std::string_view::npos && semi - amp <= 12) {
      const std::string_view name = text.substr(amp + 1, semi - amp - 1);
      if (name.starts_with('#')) {
        cp = numeric(name);
      } else {
        for (const auto& [entity, value] : kNamed) {
          if (entity == name) cp = value;
        }
      }
    }
    if (cp) {
      append_utf8(out, *cp);
      i = semi + 1;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace cdscb::server::news
