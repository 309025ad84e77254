#include "core/masking.h"

#include <vector>

#include "core/text.h"

namespace cdscb::core {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find(separator, start);
    const size_t stop = end == std::string_view::npos ? text.size() : end;
    parts.push_back(text.substr(start, stop - start));
    start = stop + 1;
  }
  return parts;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string mask_person_name(std::string_view name) {
  std::string masked;
  bool first = true;
  for (std::string_view word : split(trim(name), ' ')) {
    if (word.empty()) continue;
    if (!masked.empty()) masked += ' ';
    if (first)
      masked += word;
    else
      masked += std::string(first_letter(word)) + "**";
    first = false;
  }
  return masked;
}

std::string mask_address(std::string_view address) {
  std::vector<std::string_view> parts = split(trim(address), ',');
  constexpr size_t kKept = 2;
  if (parts.size() <= 1) return parts.empty() || trim(parts[0]).empty() ? "" : "***";
  const size_t kept = parts.size() > kKept ? kKept : parts.size() - 1;
  std::string masked = "***";
  for (size_t i = parts.size() - kept; i < parts.size(); ++i)
    masked += ", " + std::string(trim(parts[i]));
  return masked;
}

}  // namespace cdscb::core
