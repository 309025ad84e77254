#pragma once
// The province's agencies as the server lists them (GET /api/v1/agencies: data/agencies.csv is the
// one source), kept on the device through ReferenceData so the forms that pick an agency (a new
// official, a feedback field, a transfer) and the officials list work offline after one visit.
#include <string>
#include <string_view>
#include <vector>

#include "app/state/reference_data.h"
#include "core/agencies.h"

namespace cdscb::app::state {

class AgencyList {
 public:
  // Reads the kept copy and asks the server; call when a screen that shows agencies opens.
  void refresh(api::Client& api, Replies& replies) { data_.refresh(api, replies); }
  // Takes a newer list if one arrived; true when the list changed.
  bool take(api::Client& api, Replies& replies);

  const std::vector<std::string>& names() const { return names_; }
  // The position of `code` in names(), or -1.
  int index_of(std::string_view code) const;
  // The code at `index` of names(), or "" for none.
  std::string code_at(int index) const;
  // The name of `code`; the code itself while the list does not know it (not loaded yet).
  std::string name_of(std::string_view code) const;

 private:
  ReferenceData data_{"/api/v1/agencies"};
  std::vector<core::Agency> all_;
  std::vector<std::string> names_;
};

}  // namespace cdscb::app::state
