#include "core/message.h"

namespace cdscb::core {
namespace {

// Between the key and each argument: a control character no key or typed value that reaches a
// message holds (it is removed from arguments, so they cannot make new ones).
constexpr char kSeparator = '\x1f';

}  // namespace

std::string message(std::string_view key, std::initializer_list<std::string_view> args) {
  std::string out(key);
  for (std::string_view arg : args) {
    out += kSeparator;
    for (char c : arg)
      if (c != kSeparator) out += c;
  }
  return out;
}

MessageParts message_parts(std::string_view message) {
  MessageParts parts;
  std::size_t end = message.find(kSeparator);
  parts.key = std::string(message.substr(0, end));
  while (end != std::string_view::npos) {
    const std::size_t start = end + 1;
    end = message.find(kSeparator, start);
    parts.args.emplace_back(
        message.substr(start, end == std::string_view::npos ? end : end - start));
  }
  return parts;
}

std::string fill_message(std::string_view message, const MessageLookup& lookup) {
  const MessageParts parts = message_parts(message);
  const char* found = lookup(parts.key);
  if (!found) return parts.key;
  const std::string_view text(found);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // "{n}", n from 1 to 9: the n-th argument, itself translated when it is a known key; a
    // place without its argument stays as written (the bare key's text shows its places).
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' &&
        text[i + 2] == '}') {
      const std::size_t n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < parts.args.size()) {
        const std::string& arg = parts.args[n];
        const char* inner = arg.empty() ? nullptr : lookup(arg);
        out += inner ? std::string(inner) : arg;
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace cdscb::core
