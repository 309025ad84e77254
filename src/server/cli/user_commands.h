// Commands the server binary runs instead of serving: creating officials' accounts from the
// command line (the first admin has no one to create it in the app) and the demo seed.
//   cdscb-server user add --role admin|officer [--agency NAME] --phone 09… --name "…"
//                --password-stdin [--db URL]
//   cdscb-server seed-demo [--db URL]
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "modules/accounts/passwords.h"

namespace cdscb::server {

struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Runs the command `args` names (args exclude the program name) and returns its exit status:
// 0 done, 1 failed, 2 usage error. nullopt when `args` names no command: start the server.
// Other options (--db, …) are read as the server reads them, environment included.
std::optional<int> run_command(const std::vector<std::string>& args, const EnvLookup& env,
                               CommandIo io,
                               accounts::PasswordCost cost = accounts::kProductionPasswordCost);

}  // namespace cdscb::server
