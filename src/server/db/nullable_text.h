#pragma once
// Nullable columns and parameters for SOCI, read into and written from std::optional.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace cdscb::server::db {

template <typename T>
struct Nullable {
  T value{};
  soci::indicator indicator = soci::i_null;

  Nullable() = default;
  explicit Nullable(const std::optional<T>& from)
      : value(from.value_or(T{})), indicator(from ? soci::i_ok : soci::i_null) {}
  std::optional<T> get() const {
    return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
  }
};

using NullableText = Nullable<std::string>;

}  // namespace cdscb::server::db
