// The server's command line for officials: "user add" and "seed-demo".
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <map>
#include <sstream>

#include "cli/user_commands.h"
#include "db/database.h"
#include "db/test_database.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/users.h"
#include "test_support.h"

using namespace cdscb;
using namespace cdscb::server;
using cdscb::server::testing::TestDatabase;

namespace {

struct Run {
  std::optional<int> status;
  std::string out;
  std::string err;
};

class Cli {
 public:
  Run run(std::vector<std::string> args, const std::string& stdin_text = "") {
    std::istringstream in(stdin_text);
    std::ostringstream out;
    std::ostringstream err;
    const EnvLookup env = [this](const char* name) -> std::optional<std::string> {
      if (std::string(name) == "DATABASE_URL") return database_url();
      return std::nullopt;
    };
    const auto status = run_command(args, env, {in, out, err}, accounts::kMinimalPasswordCost);
    return {status, out.str(), err.str()};
  }

  // On SQLite in a directory that does not exist yet: the command makes it.
  std::string database_url() const {
    if (place_.backend() == db::Backend::kPostgresql) return place_.url_string();
    return "sqlite:" + sqlite_path().string();
  }

  // nullopt also when no command has made the database yet.
  std::optional<accounts::User> user(const std::string& phone) {
    const auto url = db::parse_database_url(database_url());
    REQUIRE(url);
    if (url->backend == db::Backend::kSqlite && !std::filesystem::exists(url->target)) {
      return std::nullopt;
    }
    db::Database database(*url, 1);
    soci::session sql(database.pool());
    if (url->backend == db::Backend::kPostgresql) {
      int tables = 0;
      sql << "SELECT COUNT(*) FROM information_schema.tables "
             "WHERE table_schema = current_schema() AND table_name = 'users'",
          soci::into(tables);
      if (tables == 0) return std::nullopt;
    }
    return accounts::find_user_by_phone(sql, phone);
  }

 private:
  std::filesystem::path sqlite_path() const {
    return std::filesystem::path(place_.url().target).parent_path() / "db" / "app.db";
  }

  TestDatabase place_;
};

}  // namespace

TEST_CASE("user add creates a confirmed official with the password from stdin") {
  Cli cli;
  const Run run = cli.run({"user", "add", "--role", "officer", "--agency", "so-xay-dung", "--phone",
                           "0912 000 111", "--name", "Nguyễn Thị Thu", "--password-stdin"},
                          "Cao Bang officer 1\n");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(std::stoll(run.out) > 0);
  const auto user = cli.user("0912000111");
  REQUIRE(user);
  CHECK(user->role == core::Role::kOfficer);
  CHECK(user->agency == "so-xay-dung");
  CHECK(user->full_name == "Nguyễn Thị Thu");
  CHECK(user->verified());
  CHECK(accounts::PasswordHasher(accounts::kMinimalPasswordCost)
            .verify(user->password_hash, "Cao Bang officer 1"));
  CHECK(std::to_string(user->id) + "\n" == run.out);

  // The same number again is refused.
  const Run again = cli.run({"user", "add", "--role", "admin", "--phone", "0912000111", "--name",
                             "Người Khác", "--password-stdin"},
                            "Another password 9\n");
  CHECK(again.status == 1);
  CHECK(again.err.find("already has an account") != std::string::npos);
}

TEST_CASE("user add refuses bad input with a usage error") {
  Cli cli;
  const auto status_of = [&](std::vector<std::string> args, const std::string& password) {
    return cli.run(std::move(args), password).status;
  };
  CHECK(status_of({"user", "add", "--role", "citizen", "--phone", "0912000111", "--name", "An Bình",
                   "--password-stdin"},
                  "Cao Bang admin 1\n") == 2);
  CHECK(status_of({"user", "add", "--role", "officer", "--phone", "0912000111", "--name", "An Bình",
                   "--password-stdin"},
                  "Cao Bang admin 1\n") == 2);  // an officer needs an agency
  CHECK(status_of({"user", "add", "--role", "admin", "--phone", "12345", "--name", "An Bình",
                   "--password-stdin"},
                  "Cao Bang admin 1\n") == 2);
  CHECK(status_of({"user", "add", "--role", "admin", "--phone", "0912000111", "--name", "An Bình",
                   "--password-stdin"},
                  "password\n") == 2);
  CHECK(status_of({"user", "add", "--role", "admin", "--phone", "0912000111", "--name", "An Bình"},
                  "Cao Bang admin 1\n") == 2);
  CHECK(status_of({"user", "remove"}, "") == 2);
  CHECK_FALSE(cli.user("0912000111"));
}

TEST_CASE("seed-demo creates one official per role and can run again") {
  Cli cli;
  const Run first = cli.run({"seed-demo"});
  REQUIRE_MESSAGE(first.status == 0, first.err);
  CHECK(first.out.find("admin: 0900000001 / demo-quantri-2025") != std::string::npos);
  CHECK(first.out.find("officer: 0900000002 / demo-canbo-2025") != std::string::npos);
  // The one-stop desk's demo officer, of the agency that receives "Cấp Phiếu lý lịch tư pháp".
  CHECK(first.out.find("officer: 0900000003 / demo-motcua-2025") != std::string::npos);
  const Run second = cli.run({"seed-demo"});
  CHECK(second.status == 0);
  const auto admin = cli.user("0900000001");
  const auto officer = cli.user("0900000002");
  REQUIRE(admin);
  REQUIRE(officer);
  CHECK(admin->role == core::Role::kAdmin);
  CHECK(officer->role == core::Role::kOfficer);
  CHECK(officer->agency == "so-xay-dung");
  CHECK(accounts::PasswordHasher(accounts::kMinimalPasswordCost)
            .verify(officer->password_hash, "demo-canbo-2025"));
}

TEST_CASE("other arguments are not commands") {
  Cli cli;
  CHECK_FALSE(cli.run({}).status);
  CHECK_FALSE(cli.run({"--listen", "127.0.0.1:0"}).status);
}
