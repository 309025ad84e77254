// The placeholders of an `IN (…)` list, for the one batched query a list page makes per related
// table (issue 14): ":p0, :p1, …", each bound in order with soci::use.
#pragma once

#include <cstddef>
#include <string>

namespace cdscb::server::db {

inline std::string in_placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += (i ? ", :p" : ":p") + std::to_string(i);
  return text;
}

}  // namespace cdscb::server::db
