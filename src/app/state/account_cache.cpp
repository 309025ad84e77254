#include "app/state/account_cache.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/idb_store.h"
#include "app/state/device_keys.h"

namespace cdscb::app::state {

std::string AccountCache::key(std::string_view owner) const {
  return account_prefix(owner) + "cache/" + name_;
}

void AccountCache::open(std::string_view owner, Replies& replies) {
  request_.clear();  // its answer, if it comes, is left unread
  if (owner.empty()) return;
  request_ = replies.expect(platform::idb::get(key(owner)));
}

std::optional<std::string> AccountCache::take(Replies& replies) {
  if (request_.empty()) return std::nullopt;
  auto reply = replies.take(request_);
  if (!reply) return std::nullopt;
  request_.clear();
  std::string kept = api::str(nlohmann::json::parse(*reply, nullptr, false), "value");
  if (kept.empty()) return std::nullopt;
  return kept;
}

void AccountCache::keep(std::string_view owner, std::string_view body) const {
  if (owner.empty()) return;
  platform::idb::put(key(owner), body);
}

}  // namespace cdscb::app::state
