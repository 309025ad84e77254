#pragma once
// A directory record as the API's JSON, shared by the server (its answers) and the app (its
// stored copy and the admin form's PUT). A template over the JSON type, so that core itself
// needs no JSON library: callers pass nlohmann::json.
#include "core/directory.h"

namespace cdscb::core {

template <class Json>
Json directory_record_json(const DirectoryRecord& r) {
  Json location = nullptr;
  if (r.location) location = Json{{"lat", r.location->lat}, {"lng", r.location->lng}};
  return Json{{"code", r.code},       {"kind", r.kind},     {"name", r.name},
              {"address", r.address}, {"phones", r.phones}, {"email", r.email},
              {"website", r.website}, {"hours", r.hours},   {"location", location},
              {"note", r.note}};
}

}  // namespace cdscb::core
