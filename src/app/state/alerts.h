#pragma once
// Urgent notices (floods, landslides, storms) shown as banners on the home screen until they
// expire. The server sends only current ones; the app also hides each at its expiry time itself,
// since the home screen may stay open past it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/api/client.h"

namespace cdscb::app::state {

struct Alert {
  std::string id;
  std::string kind;  // flood, landslide, storm, other
  std::string title;
  std::string text;
  std::string article_id;    // empty when none
  long long expires_at = 0;  // seconds since 1970
};

std::vector<Alert> alerts_from_json(std::string_view body);
// Seconds since 1970 now (the device clock).
long long unix_now();

class Alerts {
 public:
  void refresh(api::Client& api);
  // Takes the answer; returns true when the alerts changed.
  bool update(api::Client& api);
  std::vector<const Alert*> current(long long now) const;
  // When the next shown alert expires (to wake the app then).
  std::optional<long long> next_expiry(long long now) const;

 private:
  std::vector<Alert> alerts_;
  api::Call call_;
};

}  // namespace cdscb::app::state
