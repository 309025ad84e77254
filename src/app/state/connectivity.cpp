#include "app/state/connectivity.h"

namespace state {

void Connectivity::check(api::Client& api) {
  if (!request_.empty() && api.pending(request_)) return;
  request_ = api.get("/api/v1/health");
}

bool Connectivity::update(api::Client& api) {
  if (request_.empty()) return false;
  auto answer = api.take(request_);
  if (!answer) return false;
  request_.clear();
  // Any HTTP answer means the server is reachable; 503 "degraded" is still not "offline".
  const bool offline = answer->network_error();
  const bool changed = offline != offline_;
  offline_ = offline;
  return changed;
}

}  // namespace state
