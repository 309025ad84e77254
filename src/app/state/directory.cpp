#include "app/state/directory.h"

#include <algorithm>

#include "app/api/json.h"
#include "core/directory_json.h"

namespace cdscb::app::state {
namespace {

constexpr int kPageSize = 200;

bool kind_matches(KindFilter filter, const std::string& kind) {
  switch (filter) {
    case KindFilter::kAll:
      return kind != "emergency";
    case KindFilter::kDepartments:
      return kind == "department";
    case KindFilter::kCommunes:
      return kind == "commune" || kind == "ward";
    case KindFilter::kPolice:
      return kind == "police";
  }
  return false;
}

// Reads {"emergency":[…],"items":[…]} (an API page, or the stored copy).
bool read_lists(const nlohmann::json& body, std::vector<EmergencyNumber>& emergency,
                std::vector<core::DirectoryRecord>& records) {
  if (!body.is_object() || !body.contains("items") || !body["items"].is_array()) return false;
  if (auto it = body.find("emergency"); it != body.end() && it->is_array()) {
    emergency.clear();
    for (const auto& e : *it) {
      EmergencyNumber number{api::str(e, "number"), api::str(e, "name")};
      if (!number.number.empty()) emergency.push_back(std::move(number));
    }
  }
  for (const auto& item : body["items"])
    if (auto record = record_from_json(item)) records.push_back(std::move(*record));
  return true;
}

}  // namespace

std::optional<core::DirectoryRecord> record_from_json(const nlohmann::json& item) {
  core::DirectoryRecord r{.code = api::str(item, "code"),
                          .kind = api::str(item, "kind"),
                          .name = api::str(item, "name"),
                          .address = api::str(item, "address"),
                          .phones = {},
                          .email = api::str(item, "email"),
                          .website = api::str(item, "website"),
                          .hours = api::str(item, "hours"),
                          .location = std::nullopt,
                          .note = api::str(item, "note")};
  if (r.code.empty() || r.name.empty()) return std::nullopt;
  if (auto phones = item.find("phones"); phones != item.end() && phones->is_array()) {
    for (const auto& phone : *phones)
      if (phone.is_string()) r.phones.push_back(phone.get<std::string>());
  }
  if (auto location = item.find("location"); location != item.end() && location->is_object()) {
    const auto lat = location->find("lat"), lng = location->find("lng");
    if (lat != location->end() && lng != location->end() && lat->is_number() && lng->is_number())
      r.location = core::GeoPoint{lat->get<double>(), lng->get<double>()};
  }
  return r;
}

nlohmann::json record_to_json(const core::DirectoryRecord& record) {
  return core::directory_record_json<nlohmann::json>(record);
}

void DirectoryBook::refresh(api::Client& api) {
  if (call_.waiting()) return;
  incoming_.clear();
  incoming_emergency_.clear();
  start_page(api, "");
}

void DirectoryBook::start_page(api::Client& api, const std::string& cursor) {
  std::string path =
      "/api/v1/directory?kind=department,police,commune,ward&limit=" + std::to_string(kPageSize);
  if (!cursor.empty()) path += "&cursor=" + cursor;
  call_.start(api, "GET", path);
}

bool DirectoryBook::take_page(std::string_view body, std::string& next_cursor) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!read_lists(json, incoming_emergency_, incoming_)) return false;
  next_cursor = api::str(json, "next_cursor");
  return true;
}

bool DirectoryBook::update(api::Client& api) {
  auto answer = call_.poll(api);
  if (!answer) return false;
  std::string next;
  if (!answer->ok() || !take_page(answer->body, next)) {
    error_ = api::error_of(*answer);
    return false;
  }
  if (!next.empty()) {
    start_page(api, next);
    return false;
  }
  records_ = std::move(incoming_);
  emergency_ = std::move(incoming_emergency_);
  incoming_.clear();
  incoming_emergency_.clear();
  error_ = {};
  has_data_ = true;
  fresh_ = true;
  return true;
}

bool DirectoryBook::load_cache(std::string_view text) {
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<EmergencyNumber> emergency;
  std::vector<core::DirectoryRecord> records;
  if (!read_lists(json, emergency, records)) return false;
  records_ = std::move(records);
  emergency_ = std::move(emergency);
  has_data_ = true;
  return true;
}

std::string DirectoryBook::cache_text() const {
  nlohmann::json emergency = nlohmann::json::array(), items = nlohmann::json::array();
  for (const auto& e : emergency_) emergency.push_back({{"number", e.number}, {"name", e.name}});
  for (const auto& r : records_) items.push_back(record_to_json(r));
  return nlohmann::json{{"emergency", emergency}, {"items", items}}.dump();
}

const core::DirectoryRecord* DirectoryBook::find(std::string_view code) const {
  for (const auto& r : records_)
    if (r.code == code) return &r;
  return nullptr;
}

void DirectoryBook::put(const core::DirectoryRecord& record) {
  for (auto& r : records_) {
    if (r.code == record.code) {
      r = record;
      return;
    }
  }
  records_.push_back(record);
}

std::vector<DirectoryHit> DirectoryBook::filter(std::string_view query, KindFilter kind,
                                                std::optional<core::GeoPoint> near) const {
  std::vector<DirectoryHit> hits;
  for (const auto& r : records_) {
    if (!kind_matches(kind, r.kind) || !core::matches_search(r, query)) continue;
    DirectoryHit hit{&r, std::nullopt};
    if (near && r.location) hit.distance_m = core::distance_m(*near, *r.location);
    hits.push_back(hit);
  }
  if (near) {
    std::stable_sort(hits.begin(), hits.end(), [](const DirectoryHit& a, const DirectoryHit& b) {
      if (a.distance_m && b.distance_m) return *a.distance_m < *b.distance_m;
      return a.distance_m.has_value() && !b.distance_m.has_value();
    });
  }
  return hits;
}

}  // namespace cdscb::app::state
