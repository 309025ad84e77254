#pragma once
// Who is signed in. The session itself is an HttpOnly cookie the app never sees; the app only
// knows the user the server returns from /api/v1/me, at start and after login or logout. That
// user is remembered on the device (storage "session.user") until signing out, so the app
// reopened with no network still knows whose drafts and outbox to show; until the server confirms
// it again on this page, nothing is sent in that account's name (may_send_as).
#include <optional>
#include <string>
#include <string_view>

#include "app/api/client.h"
#include "core/roles.h"

namespace cdscb::app::state {

struct User {
  std::string id;
  std::string full_name;
  std::string phone_masked;
  core::Role role = core::Role::kCitizen;
  bool vneid_verified = false;
  std::string so_dinh_danh_masked;  // the linked VNeID identity's number, masked
  std::string agency;               // officials: their agency's code
  // Profile ("Quản lý tài khoản"); empty when not given.
  std::string birth_date;  // YYYY-MM-DD
  std::string gender;      // nam, nu, khac
  std::string commune;     // code of one of the province's 56 communes and wards
  std::string street;
  std::string email;
  // Officers and admins write news and alerts and answer feedback.
  bool official() const { return core::is_official(role); }
  // Admins manage officials, feedback fields, holidays, Open311 keys and the directory.
  bool admin() const { return role == core::Role::kAdmin; }
};

// Reads {"user":{…}} as the accounts API returns it.
std::optional<User> user_from_json(std::string_view body);

// A phone number waiting for its SMS code (after "Đăng ký", or an unconfirmed login).
struct PendingVerification {
  std::string phone;
  std::string phone_masked;
  double resend_at = 0;  // app clock (seconds) when "Gửi lại mã" may be used
};

class Session {
 public:
  std::optional<PendingVerification> verification;

  // The user remembered from the last visit (not confirmed by the server yet).
  void restore();
  void refresh(api::Client& api);
  // Takes the answer to refresh() if it arrived.
  void update(api::Client& api);
  void signed_in(User user);
  void signed_out();
  const std::optional<User>& user() const { return user_; }
  // The id of the account whose data the device shows now; empty when signed out.
  const std::string& owner() const;
  // Whether the server confirmed, on this page, that `owner` is signed in, and no other tab has
  // signed out or in since (the remembered user is shared by the tabs): the outbox asks right
  // before each request it makes in the owner's name.
  bool may_send_as(std::string_view owner) const;
  bool confirmed() const { return confirmed_ && user_.has_value(); }
  // Whether the server has answered who is signed in (until then user() may still be empty).
  bool checked() const { return checked_; }
  // Whether the server offers "Đăng nhập bằng VNeID" (it is configured with the portal).
  bool vneid_available() const { return vneid_available_; }

 private:
  void remember(const std::optional<User>& user, bool confirmed);

  std::optional<User> user_;
  bool confirmed_ = false;
  api::Call me_;
  api::Call config_;
  bool vneid_available_ = false;
  bool checked_ = false;
};

}  // namespace cdscb::app::state
