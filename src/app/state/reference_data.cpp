#include "app/state/reference_data.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/idb_store.h"
#include "app/state/device_keys.h"

namespace cdscb::app::state {

void ReferenceData::refresh(api::Client& api, Replies& replies) {
  if (!stored_read_) {
    stored_read_ = true;
    stored_request_ = replies.expect(platform::idb::get(std::string(kReferencePrefix) + path_));
  }
  if (!call_.waiting()) call_.start(api, "GET", path_);
}

std::optional<std::string> ReferenceData::take(api::Client& api, Replies& replies) {
  if (auto r = call_.poll(api); r && r->ok()) {
    answered_ = true;
    platform::idb::put(std::string(kReferencePrefix) + path_, r->body);
    return r->body;
  }
  if (stored_request_.empty()) return std::nullopt;
  auto reply = replies.take(stored_request_);
  if (!reply) return std::nullopt;
  stored_request_.clear();
  std::string kept = api::str(nlohmann::json::parse(*reply, nullptr, false), "value");
  if (answered_ || kept.empty()) return std::nullopt;
  return kept;
}

}  // namespace cdscb::app::state
