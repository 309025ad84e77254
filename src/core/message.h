#pragma once
// Core's messages for people (validation, CSV import) are keys of public/i18n/vi.json, so that
// the app shows them in the citizen's language and the server in Vietnamese, each text written
// once. A message that names a value (a phone number, a line's cell count) carries it after the
// key: message("validation.directory.phone_invalid", {"0206"}) is one string, which the plumbing
// that passes keys on (field errors, CSV line errors) passes unchanged, and the text's "{1}",
// "{2}"… are filled from it by fill_message. An argument that is itself a key without arguments
// (the reason inside "Cột {1}: {2}") is translated too.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::core {

// `key` with `args`: just `key` when there are none.
std::string message(std::string_view key, std::initializer_list<std::string_view> args);

struct MessageParts {
  std::string key;
  std::vector<std::string> args;
};
MessageParts message_parts(std::string_view message);

// The text of `message`: `lookup(key)` (nullptr when the key is unknown: the message comes back
// as its key) with "{n}" replaced by the n-th argument (left as "{n}" when there is none).
using MessageLookup = std::function<const char*(std::string_view key)>;
std::string fill_message(std::string_view message, const MessageLookup& lookup);

}  // namespace cdscb::core
