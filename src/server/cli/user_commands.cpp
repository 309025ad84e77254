#include "cli/user_commands.h"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/command_args.h"
#include "core/accounts.h"
#include "core/text.h"
#include "db/database.h"
#include "db/migrations.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/sessions.h"
#include "modules/accounts/users.h"
#include "util/vietnamese.h"

namespace cdscb::server {
namespace {

using cli::CommandArgs;
using cli::config_of;

constexpr const char* kUserAddUsage =
    "usage: cdscb-server user add --role admin|officer [--agency CODE] --phone 09xxxxxxxx\n"
    "                             --name \"Họ tên\" --password-stdin [--db URL]\n";

struct DemoOfficial {
  core::Role role;
  const char* phone;
  const char* name;
  const char* agency;  // nullptr: none
  const char* password;
};

// Development logins only: scripts/run prints them, production never runs seed-demo.
constexpr DemoOfficial kDemoOfficials[] = {
    {core::Role::kAdmin, "0900000001", "Quản trị viên Demo", nullptr, "demo-quantri-2025"},
    // Sở Xây dựng handles the "Giao thông" field (data/feedback_fields.csv).
    {core::Role::kOfficer, "0900000002", "Cán bộ Demo", "so-xay-dung", "demo-canbo-2025"},
    // Sở Tư pháp receives "Cấp Phiếu lý lịch tư pháp" (data/procedures): the one-stop desk's demo.
    {core::Role::kOfficer, "0900000003", "Cán bộ Một cửa Demo", "so-tu-phap", "demo-motcua-2025"},
};

// The names of the seed procedures (<seed_dir>/procedures/*.json) that `agency` receives, for
// the demo's hint; empty when the folder is missing.
std::vector<std::string> procedures_received_by(const std::filesystem::path& dir,
                                                const std::string& agency) {
  std::vector<std::string> names;
  std::error_code missing;
  if (!std::filesystem::is_directory(dir, missing)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_object() && json.value("agency", "") == agency)
      names.push_back(json.value("name", entry.path().stem().string()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<db::Database> open_database(const Config& config) {
  const auto url = db::parse_database_url(config.database_url);
  if (!url) throw std::runtime_error("bad database URL");
  db::create_database_directory(*url);
  auto database = std::make_unique<db::Database>(*url, 1);
  db::migrate(*database);
  return database;
}

int user_add(const CommandArgs& command, const Config& config, accounts::PasswordCost cost,
             CommandIo io) {
  const auto value = [&](const char* name) {
    const auto it = command.values.find(name);
    return it == command.values.end() ? std::string() : it->second;
  };
  if (!command.password_stdin) {
    io.err << "--password-stdin: the password is read from stdin\n" << kUserAddUsage;
    return 2;
  }
  accounts::OfficialInput input{.role = value("--role"),
                                .phone = value("--phone"),
                                .full_name = value("--name"),
                                .agency = value("--agency"),
                                .password = {}};
  std::getline(io.in, input.password);
  if (!input.password.empty() && input.password.back() == '\r') input.password.pop_back();
  // The same rules and messages as the admin API (POST /api/v1/admin/users).
  const auto problems = accounts::validate_official(input);
  if (!problems.empty()) {
    static const std::map<std::string, std::string, std::less<>> kOption = {
        {"role", "--role"},
        {"phone", "--phone"},
        {"full_name", "--name"},
        {"agency", "--agency"},
        {"password", "password"}};
    for (const auto& [field, message] : problems) {
      io.err << kOption.at(field) << ": " << util::vietnamese(message) << '\n';
    }
    io.err << kUserAddUsage;
    return 2;
  }

  const auto database = open_database(config);
  soci::session sql(database->pool());
  const auto user =
      accounts::create_official(sql, accounts::PasswordHasher(cost), input,
                                accounts::unix_seconds(std::chrono::system_clock::now()));
  if (!user) {
    io.err << "the phone number " << input.phone << " already has an account\n";
    return 1;
  }
  io.out << user->id << '\n';
  return 0;
}

int seed_demo(const Config& config, accounts::PasswordCost cost, CommandIo io) {
  const auto database = open_database(config);
  soci::session sql(database->pool());
  const accounts::PasswordHasher hasher(cost);
  const long long now = accounts::unix_seconds(std::chrono::system_clock::now());
  io.out << "Demo officials (development only):\n";
  for (const DemoOfficial& demo : kDemoOfficials) {
    accounts::User user;
    user.phone = demo.phone;
    user.full_name = demo.name;
    user.role = demo.role;
    if (demo.agency) user.agency = demo.agency;
    user.password_hash = hasher.hash(demo.password);
    user.created_at = now;
    user.phone_verified_at = now;
    const long long id = accounts::upsert_official(sql, user);
    io.out << "  " << core::role_name(demo.role) << ": " << demo.phone << " / " << demo.password
           << "  (" << demo.name << (demo.agency ? std::string(", ") + demo.agency : std::string())
           << ", id " << id << ")\n";
    if (!demo.agency) continue;
    const auto received = procedures_received_by(config.seed_dir / "procedures", demo.agency);
    for (const auto& name : received) io.out << "      nhận hồ sơ: " << name << "\n";
  }
  return 0;
}

}  // namespace

std::optional<int> run_command(const std::vector<std::string>& args, const EnvLookup& env,
                               CommandIo io, accounts::PasswordCost cost) {
  if (args.empty() || (args[0] != "user" && args[0] != "seed-demo")) return std::nullopt;
  const bool is_user_add = args[0] == "user";
  if (is_user_add && (args.size() < 2 || args[1] != "add")) {
    io.err << kUserAddUsage;
    return 2;
  }
  const auto command = cli::split_args(args, is_user_add ? 2 : 1,
                                       {"--role", "--agency", "--phone", "--name"}, io.err);
  if (!command) return 2;
  if (command->help) {
    io.out << (is_user_add ? kUserAddUsage : "usage: cdscb-server seed-demo [--db URL]\n");
    return 0;
  }
  const auto config = config_of(*command, env, io.err);
  if (!config) return 2;
  try {
    return is_user_add ? user_add(*command, *config, cost, io) : seed_demo(*config, cost, io);
  } catch (const std::exception& e) {
    io.err << "failed: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace cdscb::server
