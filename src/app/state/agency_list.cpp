#include "app/state/agency_list.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"

namespace cdscb::app::state {

bool AgencyList::take(api::Client& api, Replies& replies) {
  const auto body = data_.take(api, replies);
  if (!body) return false;
  const auto json = nlohmann::json::parse(*body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("agencies") || !json["agencies"].is_array()) return false;
  all_.clear();
  names_.clear();
  for (const auto& item : json["agencies"]) {
    core::Agency agency{api::str(item, "code"), api::str(item, "name")};
    if (agency.code.empty() || agency.name.empty()) continue;
    names_.push_back(agency.name);
    all_.push_back(std::move(agency));
  }
  return true;
}

int AgencyList::index_of(std::string_view code) const {
  for (std::size_t i = 0; i < all_.size(); ++i)
    if (all_[i].code == code) return static_cast<int>(i);
  return -1;
}

std::string AgencyList::code_at(int index) const {
  if (index < 0 || index >= static_cast<int>(all_.size())) return {};
  return all_[static_cast<std::size_t>(index)].code;
}

std::string AgencyList::name_of(std::string_view code) const {
  const int index = index_of(code);
  return index < 0 ? std::string(code) : all_[static_cast<std::size_t>(index)].name;
}

}  // namespace cdscb::app::state
