#include "app/state/session.h"

#include "app/api/json.h"
#include "app/platform/storage.h"

namespace cdscb::app::state {

namespace {

constexpr const char* kRememberedUser = "session.user";

nlohmann::json user_json(const User& u) {
  return {{"user",
           {{"id", u.id},
            {"full_name", u.full_name},
            {"phone_masked", u.phone_masked},
            {"role", u.role},
            {"vneid_verified", u.vneid_verified},
            {"so_dinh_danh_masked", u.so_dinh_danh_masked},
            {"agency", u.agency},
            {"birth_date", u.birth_date},
            {"gender", u.gender},
            {"commune", u.commune},
            {"street", u.street},
            {"email", u.email}}}};
}

}  // namespace

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

void Session::restore() {
  auto saved = platform::storage::get(kRememberedUser);
  user_ = saved ? user_from_json(*saved) : std::nullopt;
  if (user_ && user_->id.empty()) user_.reset();
  confirmed_ = false;
}

void Session::remember(const std::optional<User>& user, bool confirmed) {
  user_ = user;
  confirmed_ = confirmed && user.has_value();
  platform::storage::set(kRememberedUser, user ? user_json(*user).dump() : std::string());
}

void Session::signed_in(User user) { remember(std::move(user), true); }
void Session::signed_out() { remember(std::nullopt, false); }

const std::string& Session::owner() const {
  static const std::string kNobody;
  return user_ ? user_->id : kNobody;
}

bool Session::may_send_as(std::string_view owner) const {
  if (owner.empty() || !confirmed() || user_->id != owner) return false;
  // Another tab of this browser signed out or in: this page's idea of the user is stale.
  auto saved = platform::storage::get(kRememberedUser);
  if (!saved) return true;  // no storage (private mode): this page alone knows
  auto remembered = user_from_json(*saved);
  return remembered && remembered->id == owner;
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
  if (api.take_session_ended()) signed_out();
  auto answer = me_.poll(api);
  if (!answer) return;
  checked_ = true;
  if (answer->ok()) {
    remember(user_from_json(answer->body), true);
  } else if (answer->status == 401) {
    signed_out();
  }  // a network failure keeps what we knew
}

}  // namespace cdscb::app::state
