#include "http/json_body.h"

#include "core/text.h"
#include "http/messages.h"
#include "http/response.h"

namespace cdscb::server::http {

nlohmann::json parse_json_object(const Request& request, std::size_t max_bytes) {
  if (request.body.size() > max_bytes) {
    throw HttpError(413, "payload_too_large", messages::kPayloadTooLarge);
  }
  if (!core::is_valid_utf8(request.body)) {
    throw HttpError(400, "invalid_encoding", kInvalidEncoding);
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) throw HttpError(400, "invalid_json", kInvalidJson);
  if (!body.is_object()) throw HttpError(400, "invalid_body", kNotAnObject);
  return body;
}

void FieldErrors::add(const std::string& field, std::string_view message) {
  errors_.emplace(field, std::string(message));
}

nlohmann::json FieldErrors::to_json() const {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [field, message] : errors_) fields[field] = message;
  return fields;
}

void FieldErrors::throw_if_any() const {
  if (!errors_.empty()) throw HttpError(422, "validation_failed", kValidationFailed, to_json());
}

std::optional<std::string> string_field(const nlohmann::json& body, const std::string& key,
                                        FieldErrors& errors) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    errors.add(key, kFieldNotText);
    return std::nullopt;
  }
  return it->get<std::string>();
}

}  // namespace cdscb::server::http
