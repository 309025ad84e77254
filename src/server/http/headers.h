// An ordered list of HTTP header fields with case-insensitive lookup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdscb::server::http {

class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  // The first value of `name`, compared case-insensitively.
  std::optional<std::string_view> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }

  // Replaces every field called `name` with one field.
  void set(std::string_view name, std::string value);
  // Appends a field, keeping earlier ones of the same name (e.g. Set-Cookie).
  void add(std::string name, std::string value);
  void remove(std::string_view name);

  std::vector<Field>::const_iterator begin() const { return fields_.begin(); }
  std::vector<Field>::const_iterator end() const { return fields_.end(); }
  std::size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
};

}  // namespace cdscb::server::http
