#pragma once
// Public data a form needs to be filled (feedback fields with their agencies; later procedures and
// billers), kept on the device so the form works when the app is reopened with no signal: the
// kept copy is read first, the server is asked every time the form opens, and its answer replaces
// the copy. Public, so shared by every account (state/device_keys.h). Private answers never go
// here.
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/state/replies.h"

namespace cdscb::app::state {

class ReferenceData {
 public:
  // `path`: the API path (GET), also the name of the kept copy.
  explicit ReferenceData(std::string path) : path_(std::move(path)) {}
  // Reads the kept copy (once) and asks the server (unless already asking).
  void refresh(api::Client& api, Replies& replies);
  // The body to show when a newer one arrived: the kept copy first, then the server's answer.
  std::optional<std::string> take(api::Client& api, Replies& replies);

 private:
  std::string path_;
  api::Call call_;
  std::string stored_request_;
  bool stored_read_ = false;
  bool answered_ = false;  // the server answered: a copy read later is older
};

}  // namespace cdscb::app::state
