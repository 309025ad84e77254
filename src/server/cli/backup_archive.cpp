#include "cli/backup_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <sodium.h>

#include <array>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>

namespace cdscb::server::cli {
namespace {

constexpr char kManifest[] = "manifest.json";

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;
using EntryPtr = std::unique_ptr<archive_entry, void (*)(archive_entry*)>;

class Sha256 {
 public:
  Sha256() { crypto_hash_sha256_init(&state_); }
  void update(const char* data, std::size_t n) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data), n);
  }
  std::string hex() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
    crypto_hash_sha256_final(&state_, digest.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> text;
    sodium_bin2hex(text.data(), text.size(), digest.data(), digest.size());
    return text.data();
  }

 private:
  crypto_hash_sha256_state state_;
};

void check(archive* a, int rc, const std::string& what) {
  if (rc < ARCHIVE_WARN) throw ArchiveError(what + ": " + archive_error_string(a));
}

void write_header(archive* a, const std::string& name, std::int64_t bytes) {
  EntryPtr entry(archive_entry_new(), archive_entry_free);
  archive_entry_set_pathname(entry.get(), name.c_str());
  archive_entry_set_size(entry.get(), bytes);
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0600);
  archive_entry_set_mtime(entry.get(), std::time(nullptr), 0);
  check(a, archive_write_header(a, entry.get()), name);
}

void write_data(archive* a, const char* data, std::size_t n, const std::string& name) {
  if (archive_write_data(a, data, n) != static_cast<la_ssize_t>(n))
    throw ArchiveError(name + ": " + (archive_error_string(a) ? archive_error_string(a) : "write"));
}

// A member's name as it may be extracted: relative, no "..", no empty or "." part.
bool safe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

void write_archive(const std::filesystem::path& to, const std::vector<ArchiveMember>& members,
                   nlohmann::json manifest) {
  ArchivePtr a(archive_write_new(), archive_write_free);
  check(a.get(), archive_write_set_format_pax_restricted(a.get()), "tar");
  check(a.get(), archive_write_open_filename(a.get(), to.c_str()), to.string());
  nlohmann::json listed = nlohmann::json::array();
  std::array<char, 1 << 16> buffer;
  for (const auto& member : members) {
    std::ifstream in(member.file, std::ios::binary);
    if (!in) throw ArchiveError("cannot read " + member.file.string());
    const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(member.file));
    write_header(a.get(), member.name, bytes);
    Sha256 sha;
    std::int64_t written = 0;
    while (in && written < bytes) {
      in.read(buffer.data(),
              static_cast<std::streamsize>(std::min<std::int64_t>(buffer.size(), bytes - written)));
      const auto n = static_cast<std::size_t>(in.gcount());
      if (n == 0) break;
      sha.update(buffer.data(), n);
      write_data(a.get(), buffer.data(), n, member.name);
      written += static_cast<std::int64_t>(n);
    }
    // A file that shrank while it was read would leave the tar short: refuse it.
    if (written != bytes) throw ArchiveError(member.file.string() + " changed while read");
    listed.push_back({{"name", member.name}, {"bytes", bytes}, {"sha256", sha.hex()}});
  }
  manifest["members"] = std::move(listed);
  const std::string text = manifest.dump(1);
  write_header(a.get(), kManifest, static_cast<std::int64_t>(text.size()));
  write_data(a.get(), text.data(), text.size(), kManifest);
  check(a.get(), archive_write_close(a.get()), to.string());
}

nlohmann::json extract_archive(const std::filesystem::path& from,
                               const std::filesystem::path& dir) {
  ArchivePtr a(archive_read_new(), archive_read_free);
  archive_read_support_format_tar(a.get());
  check(a.get(), archive_read_open_filename(a.get(), from.c_str(), 1 << 16), from.string());
  std::map<std::string, std::pair<std::int64_t, std::string>> found;  // name → bytes, sha256
  std::string manifest_text;
  archive_entry* entry = nullptr;
  int rc = ARCHIVE_OK;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
    const std::string name = archive_entry_pathname(entry);
    if (!safe_name(name) || archive_entry_filetype(entry) != AE_IFREG || found.contains(name))
      throw ArchiveError("unexpected member in the backup: " + name);
    const bool is_manifest = name == kManifest;
    std::ofstream out;
    if (!is_manifest) {
      const auto path = dir / name;
      std::filesystem::create_directories(path.parent_path());
      out.open(path, std::ios::binary | std::ios::trunc);
      if (!out) throw ArchiveError("cannot write " + path.string());
    }
    Sha256 sha;
    std::int64_t bytes = 0;
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    int step = ARCHIVE_OK;
    while ((step = archive_read_data_block(a.get(), &block, &size, &offset)) == ARCHIVE_OK) {
      const auto* data = static_cast<const char*>(block);
      if (is_manifest) {
        manifest_text.append(data, size);
      } else {
        out.write(data, static_cast<std::streamsize>(size));
        sha.update(data, size);
      }
      bytes += static_cast<std::int64_t>(size);
    }
    check(a.get(), step, name);
    if (!is_manifest) {
      out.close();
      if (!out) throw ArchiveError("cannot write " + (dir / name).string() + " (disk full?)");
      found[name] = {bytes, sha.hex()};
    }
  }
  check(a.get(), rc, from.string());
  auto manifest = nlohmann::json::parse(manifest_text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("members") || !manifest["members"].is_array())
    throw ArchiveError("the backup has no manifest: it is not a backup, or it was cut short");
  if (manifest["members"].size() != found.size())
    throw ArchiveError("the backup does not hold what its manifest lists");
  for (const auto& listed : manifest["members"]) {
    const auto it = found.find(listed.value("name", ""));
    if (it == found.end() || it->second.first != listed.value("bytes", std::int64_t{-1}) ||
        it->second.second != listed.value("sha256", ""))
      throw ArchiveError("damaged member in the backup: " + listed.value("name", "?"));
  }
  return manifest;
}

}  // namespace cdscb::server::cli
