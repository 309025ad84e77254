#include "app/state/session.h"

#include "app/api/json.h"

namespace state {

std::optional<User> user_from_json(std::string_view body) {
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("user") || !json["user"].is_object()) return std::nullopt;
  const auto& u = json["user"];
  User user;
  user.id = u.contains("id") && u["id"].is_number_integer() ? std::to_string(api::integer(u, "id"))
                                                            : api::str(u, "id");
  user.full_name = api::str(u, "full_name");
  user.phone_masked = api::str(u, "phone_masked");
  user.role = core::role_or_citizen(api::str(u, "role"));
  user.vneid_verified = api::boolean(u, "vneid_verified");
  user.so_dinh_danh_masked = api::str(u, "so_dinh_danh_masked");
  user.agency = api::str(u, "agency");
  user.birth_date = api::str(u, "birth_date");
  user.gender = api::str(u, "gender");
  user.commune = api::str(u, "commune");
  user.street = api::str(u, "street");
  user.email = api::str(u, "email");
  return user;
}

void Session::refresh(api::Client& api) {
  if (!me_.waiting()) me_.start(api, "GET", "/api/v1/me");
  if (!config_.waiting()) config_.start(api, "GET", "/api/v1/config");
}

void Session::update(api::Client& api) {
  if (auto config = config_.poll(api); config && config->ok()) {
    auto json = nlohmann::json::parse(config->body, nullptr, /*allow_exceptions=*/false);
    vneid_available_ = api::boolean(json, "vneid");
  }
  if (api.take_session_ended()) user_.reset();
  auto answer = me_.poll(api);
  if (!answer) return;
  checked_ = true;
  if (answer->ok()) {
    user_ = user_from_json(answer->body);
  } else if (answer->status == 401) {
    user_.reset();
  }  // a network failure keeps what we knew
}

}  // namespace state
