// Lists paginate with ?limit= and an opaque ?cursor= that the server made (the API contract); one
// reading of both, with one wording of their errors, for every module.
#pragma once

#include <optional>
#include <string_view>

#include "http/json_body.h"
#include "http/request.h"

namespace cdscb::server::http {

inline constexpr std::string_view kLimitInvalid = "Số bản ghi mỗi trang phải là số nguyên từ 1.";
inline constexpr std::string_view kCursorInvalid =
    "Vị trí trang không hợp lệ. Hãy tải lại danh sách từ đầu.";

// A decimal integer that is the whole of `text`; nullopt for anything else (signs, spaces,
// overflow).
std::optional<long long> parse_integer(std::string_view text);

// ?limit=: absent or empty → `default_limit`; 1 or more → capped at `max_limit`; anything else adds
// the "limit" error and gives `default_limit`.
long long read_limit(const Request& request, FieldErrors& errors, long long default_limit,
                     long long max_limit);

// ?cursor= as made by the module: `prefix` + a number ≥ `min_value`. nullopt when absent or empty;
// a malformed one adds the "cursor" error.
std::optional<long long> read_cursor(const Request& request, FieldErrors& errors,
                                     std::string_view prefix, long long min_value = 0);

}  // namespace cdscb::server::http
