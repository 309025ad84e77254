#include "util/vietnamese.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/message.h"

namespace cdscb::server::util {
namespace {

constexpr std::string_view kKeyPrefix = "validation.";

using Table = std::unordered_map<std::string, std::string>;

// Only the keys the server may be handed: the rest of vi.json is the app's.
Table load_table() {
  Table table;
  const auto parsed = nlohmann::json::parse(embedded_vietnamese(), nullptr, false);
  if (!parsed.is_object()) return table;
  for (auto it = parsed.begin(); it != parsed.end(); ++it)
    if (it.key().starts_with(kKeyPrefix) && it.value().is_string())
      table.emplace(it.key(), it.value().get<std::string>());
  return table;
}

}  // namespace

std::string vietnamese(std::string_view text) {
  if (!text.starts_with(kKeyPrefix)) return std::string(text);
  static const Table table = load_table();  // built once, thread-safe
  return core::fill_message(text, [](std::string_view key) -> const char* {
    const auto it = table.find(std::string(key));
    return it == table.end() ? nullptr : it->second.c_str();
  });
}

}  // namespace cdscb::server::util
