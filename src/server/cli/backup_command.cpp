#include "cli/backup_command.h"

#include <unistd.h>

#include <chrono>
#include <ostream>

#include "cli/backup_archive.h"
#include "cli/command_args.h"
#include "db/backup.h"
#include "util/time.h"
#include "version.h"

namespace cdscb::server {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "usage: cdscb-server backup --to FILE [--db URL] [--data-dir DIR]\n"
    "       cdscb-server restore --from FILE [--db URL] [--data-dir DIR]\n"
    "backup runs while servers serve; stop every server before restore.\n";
constexpr char kFormat[] = "cdscb-backup";
constexpr int kFormatVersion = 1;

const char* backend_name(db::Backend backend) {
  return backend == db::Backend::kSqlite ? "sqlite" : "postgresql";
}

// A directory removed when the command ends, whatever happens.
struct ScratchDir {
  fs::path path;
  explicit ScratchDir(fs::path p) : path(std::move(p)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// The media store's own temporary files (".name.token.tmp", an upload being written) are left out.
bool is_media_file(const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  return entry.is_regular_file() && !entry.is_symlink() &&
         !(name.starts_with(".") && name.ends_with(".tmp"));
}

int backup(const fs::path& to, const db::DatabaseUrl& url, const fs::path& data_dir,
           std::ostream& out) {
  const fs::path partial = to.string() + ".partial";
  ScratchDir scratch(to.string() + ".scratch");
  std::vector<cli::ArchiveMember> members;
  const fs::path dump = scratch.path / db::dump_name(url.backend);
  db::dump_database(url, dump);  // first: every row then points at a file already written
  members.push_back({db::dump_name(url.backend), dump});
  std::uintmax_t media_bytes = 0;
  const fs::path media = data_dir / "media";
  if (fs::is_directory(media)) {
    for (const auto& entry : fs::recursive_directory_iterator(media)) {
      if (!is_media_file(entry)) continue;
      members.push_back(
          {"media/" + entry.path().lexically_relative(media).generic_string(), entry.path()});
      media_bytes += entry.file_size();
    }
  }
  cli::write_archive(partial, members,
                     {{"format", kFormat},
                      {"version", kFormatVersion},
                      {"backend", backend_name(url.backend)},
                      {"server_version", std::string(server_version())},
                      {"created_at", util::rfc3339_utc(std::chrono::system_clock::now())}});
  fs::rename(partial, to);
  out << "backup written to " << to.string() << ": the " << backend_name(url.backend)
      << " database (" << fs::file_size(dump) << " bytes) and " << members.size() - 1
      << " media files (" << media_bytes << " bytes)\n";
  return 0;
}

int restore(const fs::path& from, const db::DatabaseUrl& url, const fs::path& data_dir,
            std::ostream& out, std::ostream& err) {
  fs::create_directories(data_dir);
  ScratchDir scratch(data_dir / (".restore-" + std::to_string(getpid())));
  const auto manifest = cli::extract_archive(from, scratch.path);
  if (manifest.value("format", "") != kFormat || manifest.value("version", 0) != kFormatVersion) {
    err << "restore: " << from.string() << " is not a backup this server can read\n";
    return 1;
  }
  if (manifest.value("backend", "") != backend_name(url.backend)) {
    err << "restore: the backup is of a " << manifest.value("backend", "?")
        << " database, the target is " << backend_name(url.backend) << "\n";
    return 1;
  }
  db::create_database_directory(url);
  db::load_database(url, scratch.path / db::dump_name(url.backend));
  // The database is in; the media folder is swapped in whole, the old one removed after.
  const fs::path media = data_dir / "media", restored = scratch.path / "media";
  if (!fs::exists(restored)) fs::create_directories(restored);
  const fs::path old = data_dir / ".media-before-restore";
  fs::remove_all(old);
  if (fs::exists(media)) fs::rename(media, old);
  fs::rename(restored, media);
  fs::remove_all(old);
  out << "restored " << from.string() << " (made " << manifest.value("created_at", "?") << ", "
      << manifest["members"].size() - 1 << " files)\n";
  return 0;
}

}  // namespace

std::optional<int> run_backup_command(const std::vector<std::string>& args, const EnvLookup& env,
                                      CommandIo io) {
  if (args.empty() || (args[0] != "backup" && args[0] != "restore")) return std::nullopt;
  const bool is_backup = args[0] == "backup";
  const char* file_option = is_backup ? "--to" : "--from";
  const auto command = cli::split_args(args, 1, {file_option}, io.err);
  if (!command) return 2;
  if (command->help) {
    io.out << kUsage;
    return 0;
  }
  const auto file = command->values.find(file_option);
  if (file == command->values.end() || file->second.empty()) {
    io.err << kUsage;
    return 2;
  }
  const auto config = cli::config_of(*command, env, io.err);
  if (!config) return 2;
  const auto url = db::parse_database_url(config->database_url);
  if (!url) {
    io.err << "bad database URL\n";
    return 2;
  }
  try {
    return is_backup ? backup(file->second, *url, config->data_dir, io.out)
                     : restore(file->second, *url, config->data_dir, io.out, io.err);
  } catch (const std::exception& e) {
    io.err << args[0] << " failed: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace cdscb::server
