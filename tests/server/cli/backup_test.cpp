// `cdscb-server backup` and `restore`: a round trip gives back every row and every media file,
// and a damaged or mismatched backup changes nothing. On SQLite and on PostgreSQL.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/backup_command.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/test_database.h"
#include "modules/accounts/users.h"
#include "test_support.h"

using namespace cdscb;
using namespace cdscb::server;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::TestDatabase;

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out, err;
};

// Every row of every table, as text, table by table (the round trip must give back all of it).
std::map<std::string, std::multiset<std::string>> all_rows(const db::DatabaseUrl& url) {
  db::Database database(url, 1);
  soci::session sql(database.pool());
  std::vector<std::string> tables;
  const std::string list =
      url.backend == db::Backend::kSqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE'";
  soci::rowset<std::string> names = sql.prepare << list;
  for (const auto& name : names) tables.push_back(name);
  std::map<std::string, std::multiset<std::string>> out;
  for (const auto& table : tables) {
    auto& rows = out[table];
    soci::rowset<soci::row> rs = sql.prepare << "SELECT * FROM " + table;
    for (const auto& row : rs) {
      std::string text;
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (row.get_indicator(i) == soci::i_null) {
          text += "NULL|";
          continue;
        }
        switch (row.get_properties(i).get_data_type()) {
          case soci::dt_string:
            text += row.get<std::string>(i);
            break;
          case soci::dt_integer:
            text += std::to_string(row.get<int>(i));
            break;
          case soci::dt_long_long:
            text += std::to_string(row.get<long long>(i));
            break;
          case soci::dt_unsigned_long_long:
            text += std::to_string(row.get<unsigned long long>(i));
            break;
          case soci::dt_double:
            text += std::to_string(row.get<double>(i));
            break;
          default:
            text += "?";
        }
        text += '|';
      }
      rows.insert(text);
    }
  }
  return out;
}

std::map<std::string, std::string> all_files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    out[entry.path().lexically_relative(dir).generic_string()] = bytes.str();
  }
  return out;
}

class World {
 public:
  World() {
    url_ = place_.backend() == db::Backend::kPostgresql
               ? place_.url_string()
               : "sqlite:" + (data_.path() / "app.db").string();
    parsed_ = *db::parse_database_url(url_);
    db::Database database(parsed_, 1);
    db::migrate(database);
    soci::session sql(database.pool());
    for (int i = 0; i < 3; ++i) add_user(sql, "091200000" + std::to_string(i));
    testing::write_file(media() / "ab" / "photo-1.jpg", std::string("\xFF\xD8 one", 6));
    testing::write_file(media() / "cd" / "paper-2.pdf", "%PDF-1.4 two");
    // An upload the media store is still writing: never part of a backup.
    testing::write_file(media() / "ab" / ".photo-3.jpg.x1y2.tmp", "half");
  }

  void add_user(soci::session& sql, const std::string& phone) {
    accounts::User user;
    user.phone = phone;
    user.full_name = "Người dùng " + phone;
    user.role = core::Role::kOfficer;
    user.agency = "so-tu-phap";
    user.password_hash = "x";
    accounts::upsert_official(sql, user);
  }

  Run run(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", url_, "--data-dir", data_.path().string()});
    std::istringstream in;
    std::ostringstream out, err;
    const EnvLookup env = [](const char*) -> std::optional<std::string> { return std::nullopt; };
    const auto status = run_backup_command(args, env, {in, out, err});
    REQUIRE(status);
    return {*status, out.str(), err.str()};
  }

  // Changes made after the backup, which a restore must undo.
  void change_things() {
    db::Database database(parsed_, 1);
    soci::session sql(database.pool());
    add_user(sql, "0912999999");
    sql << "DELETE FROM users WHERE phone = '0912000001'";
    fs::remove(media() / "ab" / "photo-1.jpg");
    testing::write_file(media() / "ef" / "later.jpg", "later");
  }

  // PostgreSQL restores into an empty schema only: what an operator does first.
  void empty_postgresql_schema() {
    soci::session sql("postgresql", parsed_.target);
    std::string schema;
    sql << "SELECT current_schema()", soci::into(schema);
    sql << "DROP SCHEMA \"" + schema + "\" CASCADE";
    sql << "CREATE SCHEMA \"" + schema + "\"";
  }

  fs::path media() const { return data_.path() / "media"; }
  const db::DatabaseUrl& url() const { return parsed_; }
  fs::path backup_file() const { return files_.path() / "cdscb.backup"; }

 private:
  TestDatabase place_;
  TempDir data_, files_;
  std::string url_;
  db::DatabaseUrl parsed_;
};

}  // namespace

TEST_CASE("backup then restore gives back every row and every media file") {
  World world;
  const auto rows = all_rows(world.url());
  auto files = all_files(world.media());
  files.erase("ab/.photo-3.jpg.x1y2.tmp");
  REQUIRE(rows.at("users").size() == 3);

  const Run backup = world.run({"backup", "--to", world.backup_file().string()});
  INFO(backup.err);
  REQUIRE(backup.status == 0);
  CHECK(backup.out.find("2 media files") != std::string::npos);
  CHECK(fs::exists(world.backup_file()));
  CHECK_FALSE(fs::exists(world.backup_file().string() + ".partial"));
  CHECK_FALSE(fs::exists(world.backup_file().string() + ".scratch"));

  world.change_things();
  REQUIRE(all_rows(world.url()) != rows);
  if (world.url().backend == db::Backend::kPostgresql) {
    // Into a database that still has its tables: refused, nothing changed.
    const Run refused = world.run({"restore", "--from", world.backup_file().string()});
    CHECK(refused.status == 1);
    CHECK(refused.err.find("not empty") != std::string::npos);
    CHECK(all_rows(world.url()).at("users").size() == 3);
    world.empty_postgresql_schema();
  }
  const Run restore = world.run({"restore", "--from", world.backup_file().string()});
  INFO(restore.err);
  REQUIRE(restore.status == 0);
  CHECK(all_rows(world.url()) == rows);
  CHECK(all_files(world.media()) == files);
}

TEST_CASE("a damaged backup is refused before anything changes") {
  World world;
  REQUIRE(world.run({"backup", "--to", world.backup_file().string()}).status == 0);
  world.change_things();
  const auto rows = all_rows(world.url());
  const auto files = all_files(world.media());

  SUBCASE("a byte changed inside a member") {
    std::fstream f(world.backup_file(), std::ios::in | std::ios::out | std::ios::binary);
    // The first member (the database) starts after its 512-byte header.
    f.seekg(512 + 100);
    const char was = static_cast<char>(f.get());
    f.seekp(512 + 100);
    f.put(static_cast<char>(was ^ 0x5A));
  }
  SUBCASE("cut short") {
    fs::resize_file(world.backup_file(), fs::file_size(world.backup_file()) / 2);
  }
  const Run restore = world.run({"restore", "--from", world.backup_file().string()});
  CHECK(restore.status == 1);
  CHECK(all_rows(world.url()) == rows);
  CHECK(all_files(world.media()) == files);
}

TEST_CASE("backup and restore say how to use them") {
  World world;
  CHECK(world.run({"backup"}).status == 2);
  CHECK(world.run({"restore", "--help"}).out.find("cdscb-server restore --from FILE") !=
        std::string::npos);
  const Run missing = world.run({"restore", "--from", "/nonexistent/backup"});
  CHECK(missing.status == 1);
  CHECK_FALSE(missing.err.empty());
}
