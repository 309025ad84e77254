#pragma once
// User-visible strings by key (public/i18n/vi.json is the source, en.json its translation).
// A key missing from the current language falls back to Vietnamese, then to the key itself.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cdscb::app::state {

class I18n {
 public:
  // Parses a flat JSON object of key → text. Returns false (and keeps nothing) on bad JSON.
  bool load(std::string_view language, std::string_view json);
  void set_language(std::string_view language) { language_ = language; }
  const std::string& language() const { return language_; }
  const char* t(std::string_view key) const;
  // Each message of `keys` (core's validation: field → key, maybe with arguments: core/message.h)
  // as its text.
  std::map<std::string, std::string> t(const std::map<std::string, std::string>& keys) const;

 private:
  using Table = std::unordered_map<std::string, std::string>;
  std::unordered_map<std::string, Table> tables_;
  std::string language_ = "vi";
};

// The translation files, compiled in from public/i18n at build time.
std::string_view embedded_translation(std::string_view language);

}  // namespace cdscb::app::state
