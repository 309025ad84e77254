#include "cli/command_args.h"

#include <algorithm>
#include <ostream>

namespace cdscb::server::cli {

std::optional<CommandArgs> split_args(const std::vector<std::string>& args, std::size_t first,
                                      std::initializer_list<std::string_view> own,
                                      std::ostream& err) {
  CommandArgs out;
  for (std::size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    if (arg == "--password-stdin") {
      out.password_stdin = true;
    } else if (arg == "--help" || arg == "-h") {
      out.help = true;
    } else if (std::find(own.begin(), own.end(), name) != own.end()) {
      if (eq != std::string::npos) {
        out.values[name] = arg.substr(eq + 1);
      } else if (i + 1 < args.size()) {
        out.values[name] = args[++i];
      } else {
        err << "option " << name << " needs a value\n";
        return std::nullopt;
      }
    } else {
      out.config_args.push_back(arg);
      if (eq == std::string::npos && i + 1 < args.size()) out.config_args.push_back(args[++i]);
    }
  }
  return out;
}

std::optional<Config> config_of(const CommandArgs& command, const EnvLookup& env,
                                std::ostream& err) {
  ConfigResult parsed = parse_config(command.config_args, env);
  if (!parsed.config) err << parsed.message << '\n';
  return parsed.config;
}

}  // namespace cdscb::server::cli
