#pragma once
// "Khoá Open311" (admins only): the keys other systems use to POST feedback through Open311
// GeoReport v2. A new key is shown once, with "Sao chép khoá" and a warning that it will not be
// shown again (the server keeps only its hash); a key is revoked after a confirmation.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminOpen311Keys : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Key {
    long long id = 0;
    std::string name, created_at, revoked_at, created_by;  // times as shown
  };
  void load(AppContext& ctx);
  void take_answers(AppContext& ctx);
  void draw_new_key(AppContext& ctx, float width);
  void draw_list(AppContext& ctx, float width);

  std::vector<Key> keys_;
  bool loaded_ = false;
  std::string name_;
  std::string new_key_, new_key_name_;  // the key just issued: in memory until the admin leaves
  std::string share_;                   // request id of "Sao chép khoá"
  std::string share_notice_;
  long long confirm_ = 0;  // the key whose revocation waits for "Thu hồi khoá"
  api::Call list_, issue_, revoke_;
  api::ApiError error_, issue_error_;
  std::string notice_;
};

}  // namespace cdscb::app::screens
