// The cameras' registry in the database (table cameras, migration 25). data/cameras.csv adds the
// cameras it lists that the database does not have yet, at every start; from then on admins edit
// them. A source URL may hold "{nvr}", filled in from --camera-nvr when the relay fetches.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace soci {
class session;
}

namespace cdscb::server::cameras {

inline constexpr std::string_view kKinds[] = {"giao_thong", "muc_nuoc", "cua_khau", "cho",
                                              "du_lich"};
inline constexpr std::string_view kOnline = "online";
inline constexpr std::string_view kOffline = "offline";

struct Camera {
  std::string code;
  std::string name;
  std::string commune;  // a core::communes() code
  std::string place;
  double lat = 0;
  double lng = 0;
  std::string kind;
  std::string source_url;  // never in a public answer
  std::string status = std::string(kOffline);
  bool maintenance = false;
  bool published = true;
  std::optional<long long> last_seen;  // unix seconds the source last answered
};

struct ListQuery {
  std::string folded_q;  // core::fold_for_search of ?q=
  std::string kind;
  std::string commune;
  std::optional<std::pair<double, double>> near;  // lat, lng: nearest first
  std::string after;                              // keyset: the last sort_key of the page before
  long long offset = 0;                           // with `near` only
  long long limit = 50;
};

// Published cameras that match, at most query.limit + 1 (one more tells there is a next page):
// one query.
std::vector<Camera> list_public(soci::session& sql, const ListQuery& query);

// The key a camera sorts by in the public list (and the cursor after it).
std::string sort_key_of(const Camera& camera);

std::optional<Camera> find_camera(soci::session& sql, std::string_view code);

// Every camera, hidden ones too, in the public order (admins).
std::vector<Camera> list_all(soci::session& sql);

void insert_camera(soci::session& sql, const Camera& camera, long long now);
void update_camera(soci::session& sql, const Camera& camera, long long now);

// Records what the probe or the relay saw; returns true when the status changed.
bool set_status(soci::session& sql, std::string_view code, std::string_view status, long long now);

// Adds the cameras of `csv_path` whose code is not in the database yet. A missing file is fine
// (no cameras); a malformed one is logged and skipped.
void seed_cameras(db::Database& database, const std::filesystem::path& csv_path, long long now);

// The camera as everyone sees it (status "maintenance" when marked so; links to the relay).
nlohmann::json public_json(const Camera& camera);
// public_json plus source_url, published, maintenance, the stored status and last_seen.
nlohmann::json admin_json(const Camera& camera);

}  // namespace cdscb::server::cameras
