#pragma once
// Reading one member of a JSON object defensively, for the *_json.h mappings: a missing member,
// or one of another type, reads as empty (or nullopt) rather than throwing. Templates over the
// JSON type, so that core itself needs no JSON library.
#include <optional>
#include <string>
#include <vector>

namespace cdscb::core::json_read {

// `j[key]` when `j` is an object holding it, else nullptr.
template <class Json>
const Json* member(const Json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

template <class Json>
std::optional<std::string> optional_text(const Json& j, const char* key) {
  const Json* m = member(j, key);
  if (!m || !m->is_string()) return std::nullopt;
  return m->template get<std::string>();
}

template <class Json>
std::string text(const Json& j, const char* key) {
  return optional_text(j, key).value_or("");
}

template <class Json>
bool flag(const Json& j, const char* key) {
  const Json* m = member(j, key);
  return m && m->is_boolean() && m->template get<bool>();
}

template <class Json>
std::optional<long long> optional_integer(const Json& j, const char* key) {
  const Json* m = member(j, key);
  if (!m || !m->is_number_integer()) return std::nullopt;
  return m->template get<long long>();
}

template <class Json>
std::optional<double> optional_number(const Json& j, const char* key) {
  const Json* m = member(j, key);
  if (!m || !m->is_number()) return std::nullopt;
  return m->template get<double>();
}

// The strings of the array `j[key]`, skipping members of other types; empty when it is missing.
template <class Json>
std::vector<std::string> string_list(const Json& j, const char* key) {
  std::vector<std::string> out;
  const Json* list = member(j, key);
  if (!list || !list->is_array()) return out;
  for (const auto& item : *list)
    if (item.is_string()) out.push_back(item.template get<std::string>());
  return out;
}

}  // namespace cdscb::core::json_read
