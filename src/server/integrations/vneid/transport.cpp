#include "integrations/vneid/transport.h"

#include <exception>
#include <string>

#include "util/strings.h"

namespace cdscb::server::integrations::vneid {

std::string_view find_header(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (util::iequals(key, name)) return value;
  }
  return {};
}

OutboundResponse fetch_or_throw(const HttpFetch& fetch, const OutboundRequest& request) {
  OutboundResponse response;
  try {
    response = fetch(request);
  } catch (const std::exception& e) {
    throw OidcError(OidcErrorCode::network, request.method + " " + request.url + ": " + e.what());
  }
  if (!response.error.empty()) {
    throw OidcError(OidcErrorCode::network,
                    request.method + " " + request.url + ": " + response.error);
  }
  return response;
}

nlohmann::json parse_json_object(std::string_view body, OidcErrorCode code, std::string_view what) {
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) throw OidcError(code, std::string(what) + " is not a JSON object");
  return parsed;
}

const std::string* string_member(const nlohmann::json& object, std::string_view name) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return nullptr;
  const auto* value = it->get_ptr<const std::string*>();
  return value->empty() ? nullptr : value;
}

std::string bounded_text(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::string out(text);
  for (char& ch : out) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) ch = ' ';
  }
  return out;
}

}  // namespace cdscb::server::integrations::vneid
