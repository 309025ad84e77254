#include "app/state/i18n.h"

#include <nlohmann/json.hpp>

#include "core/message.h"

namespace cdscb::app::state {

bool I18n::load(std::string_view language, std::string_view json) {
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return false;
  Table table;
  for (auto it = parsed.begin(); it != parsed.end(); ++it)
    if (it.value().is_string()) table[it.key()] = it.value().get<std::string>();
  tables_[std::string(language)] = std::move(table);
  return true;
}

const char* I18n::t(std::string_view key) const {
  for (const std::string& lang : {language_, std::string("vi")}) {
    auto table = tables_.find(lang);
    if (table == tables_.end()) continue;
    auto it = table->second.find(std::string(key));
    if (it != table->second.end()) return it->second.c_str();
  }
  // Keys are string literals at the call sites, so returning the key's own storage is safe.
  return key.data();
}

std::map<std::string, std::string> I18n::t(const std::map<std::string, std::string>& keys) const {
  std::map<std::string, std::string> texts;
  const auto lookup = [this](std::string_view key) -> const char* {
    const char* text = t(key);
    return text == key.data() ? nullptr : text;  // t gave the key back: not translated
  };
  for (const auto& [field, key] : keys) texts.emplace(field, core::fill_message(key, lookup));
  return texts;
}

}  // namespace cdscb::app::state
