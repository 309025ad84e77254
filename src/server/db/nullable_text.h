#pragma once
// A nullable TEXT column or parameter for SOCI, read into and written from std::optional.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace cdscb::server::db {

struct NullableText {
  std::string value;
  soci::indicator indicator = soci::i_null;

  NullableText() = default;
  explicit NullableText(const std::optional<std::string>& from)
      : value(from.value_or("")), indicator(from ? soci::i_ok : soci::i_null) {}
  std::optional<std::string> get() const {
    return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
  }
};

}  // namespace cdscb::server::db
