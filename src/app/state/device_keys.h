#pragma once
// Where the device keeps what belongs to an account: every key of the store that holds a private
// item (outbox items, refused submissions, drafts, their photos) starts with "u/<user id>/", so
// an item can only be read back for its owner, and deleting an account removes one prefix. Public
// reference data (feedback fields, …) is shared by every account under "ref/".
#include <string>
#include <string_view>

namespace cdscb::app::state {

inline std::string account_prefix(std::string_view owner) {
  return "u/" + std::string(owner) + "/";
}
inline constexpr std::string_view kAllAccountsPrefix = "u/";
inline constexpr std::string_view kReferencePrefix = "ref/";

// The owner named by a key under account_prefix(), or empty.
inline std::string owner_of_key(std::string_view key) {
  if (!key.starts_with(kAllAccountsPrefix)) return {};
  key.remove_prefix(kAllAccountsPrefix.size());
  auto slash = key.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(key.substr(0, slash));
}

// A fresh store key for a photo the account picked: "u/<owner>/photo/<random>".
std::string new_photo_key(std::string_view owner);

}  // namespace cdscb::app::state
