#include "app/state/connectivity.h"

namespace cdscb::app::state {

void Connectivity::check(api::Client& api) {
  if (!health_.waiting()) health_.start(api, "GET", "/api/v1/health");
}

bool Connectivity::update(api::Client& api) {
  auto answer = health_.poll(api);
  if (!answer) return false;
  // Any HTTP answer means the server is reachable; 503 "degraded" is still not "offline".
  const bool offline = answer->network_error();
  const bool changed = offline != offline_;
  offline_ = offline;
  return changed;
}

}  // namespace cdscb::app::state
