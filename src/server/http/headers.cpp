#include "http/headers.h"

#include <algorithm>

#include "util/strings.h"

namespace cdscb::server::http {

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (util::iequals(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

void Headers::set(std::string_view name, std::string value) {
  for (auto it = fields_.begin(); it != fields_.end(); ++it) {
    if (util::iequals(it->first, name)) {
      it->second = std::move(value);
      fields_.erase(std::remove_if(std::next(it), fields_.end(),
                                   [&](const Field& f) { return util::iequals(f.first, name); }),
                    fields_.end());
      return;
    }
  }
  fields_.emplace_back(std::string(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
  fields_.erase(std::remove_if(fields_.begin(), fields_.end(),
                               [&](const Field& f) { return util::iequals(f.first, name); }),
                fields_.end());
}

}  // namespace cdscb::server::http
