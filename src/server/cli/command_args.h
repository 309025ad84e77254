// The command line of a command the server binary runs instead of serving (user add, seed-demo,
// backup, restore): the command's own options apart from the server's (--db, --data-dir, …), which
// are read as the server reads them, environment included.
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"

namespace cdscb::server::cli {

struct CommandArgs {
  std::map<std::string, std::string, std::less<>> values;  // the command's own options
  bool password_stdin = false;
  bool help = false;
  std::vector<std::string> config_args;  // the rest, for parse_config
};

// Splits args[first…] into the command's own options (`own`, each taking a value) and the
// server's; every server option takes a value. nullopt (and a message on `err`) when an option of
// the command lacks its value.
std::optional<CommandArgs> split_args(const std::vector<std::string>& args, std::size_t first,
                                      std::initializer_list<std::string_view> own,
                                      std::ostream& err);

// The server's configuration from the rest of the command line; nullopt (and why on `err`).
std::optional<Config> config_of(const CommandArgs& command, const EnvLookup& env,
                                std::ostream& err);

}  // namespace cdscb::server::cli
