#include "modules/directory/store.h"

#include <soci/soci.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/directory_json.h"
#include "util/log.h"
#include "util/vietnamese.h"

namespace cdscb::server::directory {
namespace {

constexpr const char* kColumns =
    "code, kind, name, address, phones, email, website, hours, lat, lng, note";

std::string join_phones(const std::vector<std::string>& phones) {
  std::string out;
  for (const std::string& phone : phones) {
    if (!out.empty()) out += ';';
    out += phone;
  }
  return out;
}

std::vector<std::string> split_phones(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  for (std::string phone; std::getline(stream, phone, ';');)
    if (!phone.empty()) out.push_back(phone);
  return out;
}

core::DirectoryRecord from_row(const soci::row& row) {
  core::DirectoryRecord r{.code = row.get<std::string>(0),
                          .kind = row.get<std::string>(1),
                          .name = row.get<std::string>(2),
                          .address = row.get<std::string>(3),
                          .phones = split_phones(row.get<std::string>(4)),
                          .email = row.get<std::string>(5),
                          .website = row.get<std::string>(6),
                          .hours = row.get<std::string>(7),
                          .location = std::nullopt,
                          .note = row.get<std::string>(10)};
  if (row.get_indicator(8) == soci::i_ok && row.get_indicator(9) == soci::i_ok)
    r.location = core::GeoPoint{row.get<double>(8), row.get<double>(9)};
  return r;
}

void write(soci::session& sql, const core::DirectoryRecord& r, long long position, long long now,
           bool insert) {
  const std::string phones = join_phones(r.phones);
  double lat = r.location ? r.location->lat : 0, lng = r.location ? r.location->lng : 0;
  soci::indicator where = r.location ? soci::i_ok : soci::i_null;
  soci::indicator where_lng = where;
  if (insert) {
    sql << "INSERT INTO directory_records (code, kind, name, address, phones, email, website, "
           "hours, lat, lng, note, position, updated_at) VALUES (:code, :kind, :name, :address, "
           ":phones, :email, :website, :hours, :lat, :lng, :note, :position, :now)",
        soci::use(r.code), soci::use(r.kind), soci::use(r.name), soci::use(r.address),
        soci::use(phones), soci::use(r.email), soci::use(r.website), soci::use(r.hours),
        soci::use(lat, where), soci::use(lng, where_lng), soci::use(r.note), soci::use(position),
        soci::use(now);
  } else {
    sql << "UPDATE directory_records SET kind = :kind, name = :name, address = :address, "
           "phones = :phones, email = :email, website = :website, hours = :hours, lat = :lat, "
           "lng = :lng, note = :note, position = :position, updated_at = :now WHERE code = :code",
        soci::use(r.kind), soci::use(r.name), soci::use(r.address), soci::use(phones),
        soci::use(r.email), soci::use(r.website), soci::use(r.hours), soci::use(lat, where),
        soci::use(lng, where_lng), soci::use(r.note), soci::use(position), soci::use(now),
        soci::use(r.code);
  }
}

long long position_of(soci::session& sql, const std::string& code) {
  long long position = 0;
  sql << "SELECT position FROM directory_records WHERE code = :code", soci::use(code),
      soci::into(position);
  return position;
}

long long next_position(soci::session& sql) {
  long long position = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MAX(position) FROM directory_records", soci::into(position, indicator);
  return indicator == soci::i_ok ? position + 1 : 1;
}

}  // namespace

std::vector<core::DirectoryRecord> load_all(soci::session& sql) {
  std::vector<core::DirectoryRecord> out;
  const soci::rowset<soci::row> rows = (sql.prepare << std::string("SELECT ") + kColumns +
                                                           " FROM directory_records ORDER BY "
                                                           "position, code");
  for (const soci::row& row : rows) out.push_back(from_row(row));
  return out;
}

std::optional<core::DirectoryRecord> find_record(soci::session& sql, const std::string& code) {
  const soci::rowset<soci::row> rows =
      (sql.prepare << std::string("SELECT ") + kColumns +
                          " FROM directory_records WHERE code = :code",
       soci::use(code));
  for (const soci::row& row : rows) return from_row(row);
  return std::nullopt;
}

Saved save_record(soci::session& sql, const core::DirectoryRecord& record, long long now) {
  const auto existing = find_record(sql, record.code);
  if (!existing) {
    write(sql, record, next_position(sql), now, /*insert=*/true);
    return Saved::kCreated;
  }
  if (*existing == record) return Saved::kUnchanged;
  write(sql, record, position_of(sql, record.code), now, /*insert=*/false);
  return Saved::kUpdated;
}

bool delete_record(soci::session& sql, const std::string& code) {
  if (!find_record(sql, code)) return false;
  sql << "DELETE FROM directory_records WHERE code = :code", soci::use(code);
  return true;
}

ImportCounts replace_all(soci::session& sql, const std::vector<core::DirectoryRecord>& records,
                         long long now) {
  ImportCounts counts;
  std::set<std::string> kept;
  for (const auto& r : records) kept.insert(r.code);
  for (const auto& old : load_all(sql)) {
    if (kept.count(old.code)) continue;
    sql << "DELETE FROM directory_records WHERE code = :code", soci::use(old.code);
    ++counts.deleted;
  }
  long long position = 0;
  for (const auto& record : records) {
    ++position;
    const auto existing = find_record(sql, record.code);
    if (!existing) {
      write(sql, record, position, now, /*insert=*/true);
      ++counts.created;
    } else {
      write(sql, record, position, now, /*insert=*/false);
      ++(*existing == record ? counts.unchanged : counts.updated);
    }
  }
  return counts;
}

void seed_if_new(db::Database& database, const std::filesystem::path& csv_path, long long now) {
  soci::session sql(database.pool());
  int seeded = 0;
  sql << "SELECT COUNT(*) FROM app_meta WHERE key = 'directory_seeded'", soci::into(seeded);
  if (seeded > 0) return;
  std::ifstream file(csv_path, std::ios::binary);
  if (!file) {
    util::log_warn("directory: no seed file " + csv_path.string() + "; the directory starts empty");
    return;
  }
  std::stringstream text;
  text << file.rdbuf();
  const core::DirectoryImport parsed = core::parse_directory_csv(text.str());
  if (!parsed.errors.empty()) {
    for (const auto& error : parsed.errors) {
      util::log_error("directory: " + csv_path.string() + " line " + std::to_string(error.line) +
                      ": " + util::vietnamese(error.message));
    }
    util::log_error("directory: seed file not loaded; fix it and restart");
    return;
  }
  db::Transaction transaction(sql, database.backend());
  const ImportCounts counts = replace_all(sql, parsed.records, now);
  const std::string value = std::to_string(now);
  sql << "INSERT INTO app_meta (key, value) VALUES ('directory_seeded', :value)", soci::use(value);
  transaction.commit();
  util::log_info("directory: loaded " + std::to_string(counts.created) + " records from " +
                 csv_path.string());
}

nlohmann::json record_json(const core::DirectoryRecord& record) {
  return core::directory_record_json<nlohmann::json>(record);
}

}  // namespace cdscb::server::directory
