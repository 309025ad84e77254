#include "modules/cameras/store.h"

#include <soci/soci.h>

#include <cmath>
#include <deque>
#include <variant>

#include "core/communes.h"
#include "core/text.h"
#include "db/like.h"
#include "util/log.h"
#include "util/seed_file.h"

namespace cdscb::server::cameras {
namespace {

constexpr const char* kColumns =
    "code, name, commune, place, lat, lng, kind, source_url, status, maintenance, published, "
    "last_seen";

// An integer column as the backend typed it (INTEGER and BIGINT differ between SQLite and
// PostgreSQL, and between the two in soci's eyes).
long long integer_at(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return std::llround(row.get<double>(i));
    default:
      return row.get<int>(i);
  }
}

double double_at(const soci::row& row, std::size_t i) {
  return row.get_properties(i).get_data_type() == soci::dt_double
             ? row.get<double>(i)
             : static_cast<double>(integer_at(row, i));
}

Camera from_row(const soci::row& row) {
  Camera c{.code = row.get<std::string>(0),
           .name = row.get<std::string>(1),
           .commune = row.get<std::string>(2),
           .place = row.get<std::string>(3),
           .lat = double_at(row, 4),
           .lng = double_at(row, 5),
           .kind = row.get<std::string>(6),
           .source_url = row.get<std::string>(7),
           .status = row.get<std::string>(8),
           .maintenance = integer_at(row, 9) != 0,
           .published = integer_at(row, 10) != 0,
           .last_seen = std::nullopt};
  if (row.get_indicator(11) == soci::i_ok) c.last_seen = integer_at(row, 11);
  return c;
}

// A SELECT built from the filters a request gives, each value bound (never pasted in), so the
// database sees only the conditions in use and walks the index that serves them.
class Select {
 public:
  explicit Select(std::string text) : text_(std::move(text)) {}
  template <typename... Values>
  Select& add(std::string_view text, const Values&... values) {
    text_ += text;
    (values_.emplace_back(values), ...);
    return *this;
  }
  std::vector<Camera> run(soci::session& sql) {
    std::vector<Camera> out;
    soci::row row;
    soci::statement statement(sql);
    for (auto& value : values_) {
      std::visit([&](auto& v) { statement.exchange(soci::use(v)); }, value);
    }
    statement.exchange(soci::into(row));
    statement.alloc();
    statement.prepare(text_);
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) out.push_back(from_row(row));
    return out;
  }

 private:
  std::string text_;
  // A deque: values are bound by address, and a deque never moves its elements as it grows.
  std::deque<std::variant<std::string, long long, double>> values_;
};

std::string commune_name(std::string_view code) {
  const core::Commune* commune = core::find_commune(code);
  return commune ? std::string(commune->name) : std::string();
}

std::string search_text_of(const Camera& c) {
  return core::fold_for_search(c.name + " " + c.place + " " + commune_name(c.commune));
}

std::string trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

std::string sort_key_of(const Camera& camera) {
  // \x1f (unit separator) sorts before any printable text, so "Xã A" comes before "Xã AB".
  return core::fold_for_search(commune_name(camera.commune)) + '\x1f' +
         core::fold_for_search(camera.name) + '\x1f' + camera.code;
}

std::vector<Camera> list_public(soci::session& sql, const ListQuery& query) {
  Select select(std::string("SELECT ") + kColumns + " FROM cameras WHERE published = 1");
  if (!query.kind.empty()) select.add(" AND kind = :kind", query.kind);
  if (!query.commune.empty()) select.add(" AND commune = :commune", query.commune);
  if (!query.folded_q.empty()) {
    select.add(" AND search_text LIKE :pattern ESCAPE '!'", db::like_contains(query.folded_q));
  }
  if (query.near) {
    // Nearest first by the equirectangular distance (squared; the order is what matters): a
    // degree of longitude is cos(latitude) of a degree of latitude.
    const auto [lat, lng] = *query.near;
    const double k = std::cos(lat * 3.14159265358979323846 / 180);
    select.add(
        " ORDER BY (lat - :lat1) * (lat - :lat2) + (lng - :lng1) * (lng - :lng2) * :k, sort_key"
        " LIMIT :fetch OFFSET :offset",
        lat, lat, lng, lng, k * k, query.limit + 1, query.offset);
  } else {
    if (!query.after.empty()) select.add(" AND sort_key > :after", query.after);
    select.add(" ORDER BY sort_key LIMIT :fetch", query.limit + 1);
  }
  return select.run(sql);
}

std::optional<Camera> find_camera(soci::session& sql, std::string_view code) {
  Select select(std::string("SELECT ") + kColumns + " FROM cameras WHERE code = :code");
  select.add("", std::string(code));
  auto found = select.run(sql);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Camera> list_all(soci::session& sql) {
  return Select(std::string("SELECT ") + kColumns + " FROM cameras ORDER BY sort_key").run(sql);
}

void insert_camera(soci::session& sql, const Camera& c, long long now) {
  const std::string search = search_text_of(c), key = sort_key_of(c);
  const int maintenance = c.maintenance ? 1 : 0, published = c.published ? 1 : 0;
  sql << "INSERT INTO cameras (code, name, commune, place, lat, lng, kind, source_url, status, "
         "maintenance, published, last_seen, search_text, sort_key, created_at, updated_at) "
         "VALUES (:code, :name, :commune, :place, :lat, :lng, :kind, :source, :status, "
         ":maintenance, :published, NULL, :search, :key, :created, :updated)",
      soci::use(c.code), soci::use(c.name), soci::use(c.commune), soci::use(c.place),
      soci::use(c.lat), soci::use(c.lng), soci::use(c.kind), soci::use(c.source_url),
      soci::use(c.status), soci::use(maintenance), soci::use(published), soci::use(search),
      soci::use(key), soci::use(now), soci::use(now);
}

void update_camera(soci::session& sql, const Camera& c, long long now) {
  const std::string search = search_text_of(c), key = sort_key_of(c);
  const int maintenance = c.maintenance ? 1 : 0, published = c.published ? 1 : 0;
  sql << "UPDATE cameras SET name = :name, commune = :commune, place = :place, lat = :lat, "
         "lng = :lng, kind = :kind, source_url = :source, maintenance = :maintenance, "
         "published = :published, search_text = :search, sort_key = :key, updated_at = :now "
         "WHERE code = :code",
      soci::use(c.name), soci::use(c.commune), soci::use(c.place), soci::use(c.lat),
      soci::use(c.lng), soci::use(c.kind), soci::use(c.source_url), soci::use(maintenance),
      soci::use(published), soci::use(search), soci::use(key), soci::use(now), soci::use(c.code);
}

bool set_status(soci::session& sql, std::string_view code, std::string_view status, long long now) {
  const std::string code_text(code), status_text(status);
  int changed = 0;
  sql << "SELECT COUNT(*) FROM cameras WHERE code = :code AND status <> :status",
      soci::use(code_text), soci::use(status_text), soci::into(changed);
  if (status == kOnline) {
    sql << "UPDATE cameras SET status = :status, last_seen = :now WHERE code = :code",
        soci::use(status_text), soci::use(now), soci::use(code_text);
  } else if (changed > 0) {
    sql << "UPDATE cameras SET status = :status WHERE code = :code", soci::use(status_text),
        soci::use(code_text);
  }
  return changed > 0;
}

void seed_cameras(db::Database& database, const std::filesystem::path& csv_path, long long now) {
  std::error_code missing;
  if (!std::filesystem::is_regular_file(csv_path, missing)) return;
  std::vector<Camera> cameras;
  try {
    for (const core::CsvRow& csv : util::read_seed_rows(csv_path)) {
      const auto& f = csv.fields;
      if (!f.empty() && f[0].starts_with("#")) continue;
      char* end = nullptr;
      Camera c;
      if (f.size() >= 9) {
        c = Camera{.code = trimmed(f[0]),
                   .name = trimmed(f[1]),
                   .commune = trimmed(f[2]),
                   .place = trimmed(f[3]),
                   .lat = std::strtod(f[4].c_str(), &end),
                   .lng = std::strtod(f[5].c_str(), &end),
                   .kind = trimmed(f[6]),
                   .source_url = trimmed(f[7]),
                   .published = trimmed(f[8]) != "0",
                   .last_seen = std::nullopt};
      }
      if (f.size() < 9 || c.code.empty() || c.name.empty() || !core::find_commune(c.commune)) {
        util::fail_at_line(csv_path, csv.line,
                           "expected code,name,commune,place,lat,lng,kind,source_url,published "
                           "with a commune code of core/communes.cpp");
      }
      cameras.push_back(std::move(c));
    }
  } catch (const std::exception& e) {
    util::log_error(std::string("cameras: seed file not loaded: ") + e.what());
    return;
  }
  soci::session sql(database.pool());
  db::Transaction transaction(sql, database.backend());
  int added = 0;
  for (const Camera& camera : cameras) {
    if (find_camera(sql, camera.code)) continue;
    insert_camera(sql, camera, now);
    ++added;
  }
  transaction.commit();
  if (added > 0) {
    util::log_info("cameras: added " + std::to_string(added) + " from " + csv_path.string());
  }
}

nlohmann::json public_json(const Camera& c) {
  const std::string base = "/api/v1/cameras/" + c.code;
  return {{"code", c.code},
          {"name", c.name},
          {"commune", c.commune},
          {"commune_name", commune_name(c.commune)},
          {"place", c.place},
          {"lat", c.lat},
          {"lng", c.lng},
          {"kind", c.kind},
          {"status", c.maintenance ? std::string("maintenance") : c.status},
          {"snapshot", base + "/snapshot.jpg"},
          {"live", base + "/live/master.m3u8"}};
}

nlohmann::json admin_json(const Camera& c) {
  nlohmann::json out = public_json(c);
  out["source_url"] = c.source_url;
  out["published"] = c.published;
  out["maintenance"] = c.maintenance;
  out["source_status"] = c.status;
  out["last_seen"] = c.last_seen ? nlohmann::json(*c.last_seen) : nlohmann::json(nullptr);
  return out;
}

}  // namespace cdscb::server::cameras
