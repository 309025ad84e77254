#pragma once
// A private list kept on the device for the account it belongs to ("Lịch sử thanh toán", "Danh
// bạ thanh toán"): the server's last answer to that account is stored under the account's prefix
// (state/device_keys.h), so it is read back for that account only — shown when the server cannot
// be reached, with a note that it may be out of date — and it goes with the rest of the account's
// device data. Another account signing in on the same browser reads its own copy, or none.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "app/state/replies.h"

namespace cdscb::app::state {

class AccountCache {
 public:
  // `name`: the copy's name under the account ("payments/history").
  explicit AccountCache(std::string name) : name_(std::move(name)) {}

  // The store key of `owner`'s copy: "u/<owner>/cache/<name>".
  std::string key(std::string_view owner) const;
  // Starts reading `owner`'s copy; a read started earlier (another account's) is forgotten.
  // Nobody signed in (an empty owner): nothing is read.
  void open(std::string_view owner, Replies& replies);
  // The copy of the owner last opened, once read; nullopt until then, afterwards, or when none
  // is kept.
  std::optional<std::string> take(Replies& replies);
  // Whether the read of the owner last opened has not answered yet (a draft must not be
  // overwritten before it is read).
  bool reading() const { return !request_.empty(); }
  // Keeps `body`, the server's answer to a request made as `owner`, as that owner's copy.
  void keep(std::string_view owner, std::string_view body) const;

 private:
  std::string name_;
  std::string request_;  // the store read of the owner last opened
};

}  // namespace cdscb::app::state
