// Reading a JSON request body and collecting per-field errors, so every module answers bad input
// the same way: 400 for a body that is not a JSON object, 422 with a message per field.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace cdscb::server::http {

inline constexpr std::string_view kInvalidEncoding =
    "Dữ liệu gửi lên chứa ký tự không hợp lệ (không phải UTF-8).";
inline constexpr std::string_view kInvalidJson = "Dữ liệu gửi lên không đúng định dạng JSON.";
inline constexpr std::string_view kNotAnObject = "Dữ liệu gửi lên phải là một đối tượng JSON.";
inline constexpr std::string_view kValidationFailed =
    "Thông tin chưa hợp lệ. Vui lòng kiểm tra lại các ô được đánh dấu.";
inline constexpr std::string_view kFieldNotText = "Giá trị của ô này phải là chữ.";

// The body parsed as a JSON object. Throws HttpError: 413 "payload_too_large" past `max_bytes`,
// 400 "invalid_encoding" for bytes that are not UTF-8, 400 "invalid_json" for malformed JSON and
// 400 "invalid_body" for JSON that is not an object.
nlohmann::json parse_json_object(const Request& request, std::size_t max_bytes = 16 * 1024);

// Field name → Vietnamese message, for a 422 answer.
class FieldErrors {
 public:
  // Keeps the first message given for a field.
  void add(const std::string& field, std::string_view message);
  bool has(std::string_view field) const { return errors_.find(field) != errors_.end(); }
  bool empty() const { return errors_.empty(); }
  nlohmann::json to_json() const;
  // Throws HttpError 422 "validation_failed" with the fields, when there are any.
  void throw_if_any() const;

 private:
  std::map<std::string, std::string, std::less<>> errors_;
};

// The string member `key` of `body`: "" when missing or null; nullopt, with kFieldNotText added to
// `errors`, when it holds another type.
std::optional<std::string> string_field(const nlohmann::json& body, const std::string& key,
                                        FieldErrors& errors);

}  // namespace cdscb::server::http
