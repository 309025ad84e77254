#pragma once
// Reading fields of server JSON without trusting its types: a missing or mistyped field gives
// the default instead of aborting (the wasm build has no exceptions).
#include <nlohmann/json.hpp>
#include <string>

namespace cdscb::app::api {

inline std::string str(const nlohmann::json& j, const char* key, std::string fallback = {}) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

inline long long integer(const nlohmann::json& j, const char* key, long long fallback = 0) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

inline bool boolean(const nlohmann::json& j, const char* key, bool fallback = false) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

}  // namespace cdscb::app::api
