#pragma once
// The government directory as the app holds it: every record and the emergency numbers, fetched
// page by page from /api/v1/directory and kept as one JSON text the screen stores on the device,
// so the directory opens without a network after one visit. Search, kind filter and distance
// order run here, on the device, with the same rules as the server (core/directory.h).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/api/client.h"
#include "core/directory.h"

namespace cdscb::app::state {

struct EmergencyNumber {
  std::string number;
  std::string name;
};

// The kind filter's choices, in the order the combobox shows them.
enum class KindFilter { kAll, kDepartments, kCommunes, kPolice };

struct DirectoryHit {
  const core::DirectoryRecord* record = nullptr;
  std::optional<double> distance_m;
};

// A record from its API JSON; nullopt when it lacks a code or name.
std::optional<core::DirectoryRecord> record_from_json(const nlohmann::json& item);
// The fields a PUT /api/v1/admin/directory/<code> takes.
nlohmann::json record_to_json(const core::DirectoryRecord& record);

class DirectoryBook {
 public:
  // Asks the server for the whole directory (all pages); the current records stay shown meanwhile.
  void refresh(api::Client& api);
  // Takes answers; returns true when a full fresh copy has just arrived (time to store it).
  bool update(api::Client& api);

  // The stored copy (cache_text() of an earlier visit); false if it is unreadable.
  bool load_cache(std::string_view text);
  std::string cache_text() const;

  bool loading() const { return call_.waiting(); }
  bool has_data() const { return has_data_; }
  bool fresh() const { return fresh_; }  // from the server during this visit, not the cache
  const api::ApiError& error() const { return error_; }  // of the last refresh, if it failed

  const std::vector<core::DirectoryRecord>& records() const { return records_; }
  const std::vector<EmergencyNumber>& emergency() const { return emergency_; }
  const core::DirectoryRecord* find(std::string_view code) const;
  // After an admin saved a record: show it at once, without waiting for a refresh.
  void put(const core::DirectoryRecord& record);

  // The records matching `query` (diacritics and case ignored) and `kind`, in directory order,
  // or nearest first (unknown places last) when `near` is given.
  std::vector<DirectoryHit> filter(std::string_view query, KindFilter kind,
                                   std::optional<core::GeoPoint> near) const;

 private:
  void start_page(api::Client& api, const std::string& cursor);
  bool take_page(std::string_view body, std::string& next_cursor);

  std::vector<core::DirectoryRecord> records_, incoming_;
  std::vector<EmergencyNumber> emergency_, incoming_emergency_;
  api::Call call_;
  api::ApiError error_;
  bool has_data_ = false;
  bool fresh_ = false;
};

}  // namespace cdscb::app::state
