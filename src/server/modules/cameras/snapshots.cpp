#include "modules/cameras/snapshots.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "security/crypto.h"
#include "util/log.h"
#include "util/subprocess.h"

namespace cdscb::server::cameras {

Snapshots::Snapshots(std::chrono::seconds refresh, std::chrono::seconds interest)
    : refresh_(refresh), interest_(interest) {}

void Snapshots::want(const std::string& code) {
  std::lock_guard lock(mutex_);
  wanted_[code] = Clock::now();
}

std::optional<Snapshot> Snapshots::latest(const std::string& code) const {
  std::lock_guard lock(mutex_);
  const auto it = latest_.find(code);
  if (it == latest_.end()) return std::nullopt;
  return it->second.first;
}

std::vector<std::string> Snapshots::due() const {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [code, when] : wanted_) {
    if (now - when > interest_) continue;
    const auto taken = latest_.find(code);
    if (taken != latest_.end() && now - taken->second.second < refresh_) continue;
    const auto failed = failed_.find(code);
    if (failed != failed_.end() && now - failed->second < refresh_) continue;
    out.push_back(code);
  }
  return out;
}

void Snapshots::put(const std::string& code, std::string jpeg) {
  Snapshot snapshot{.jpeg = nullptr,
                    .etag = "\"" + security::sha256_hex(jpeg).substr(0, 32) + "\"",
                    .taken_at = std::chrono::system_clock::now()};
  snapshot.jpeg = std::make_shared<const std::string>(std::move(jpeg));
  std::lock_guard lock(mutex_);
  latest_[code] = {std::move(snapshot), Clock::now()};
  failed_.erase(code);
}

void Snapshots::failed(const std::string& code) {
  std::lock_guard lock(mutex_);
  failed_[code] = Clock::now();
}

std::optional<std::string> frame_as_jpeg(const std::string& segment,
                                         std::chrono::milliseconds timeout) {
  static std::atomic<long long> counter{0};
  const auto base =
      std::filesystem::temp_directory_path() /
      ("cdscb-snapshot-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
  const std::string input = base.string() + ".ts", output = base.string() + ".jpg";
  struct Cleanup {
    std::string a, b;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove(a, ignored);
      std::filesystem::remove(b, ignored);
    }
  } cleanup{input, output};
  {
    std::ofstream file(input, std::ios::binary);
    file.write(segment.data(), static_cast<std::streamsize>(segment.size()));
    if (!file) return std::nullopt;
  }
  util::ProcessOptions options;
  options.timeout = timeout;
  const auto run = util::run_process(
      {"ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input, "-frames:v",
       "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "5", output},
      options);
  if (!run.started) {
    util::log_warn("camera snapshot: cannot run ffmpeg (is it installed?)");
    return std::nullopt;
  }
  if (run.timed_out) util::log_warn("camera snapshot: ffmpeg took too long and was stopped");
  if (!run.ok()) return std::nullopt;
  std::ifstream file(output, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  std::string jpeg = bytes.str();
  if (jpeg.size() < 4 || static_cast<unsigned char>(jpeg[0]) != 0xFF ||
      static_cast<unsigned char>(jpeg[1]) != 0xD8) {
    return std::nullopt;
  }
  return jpeg;
}

}  // namespace cdscb::server::cameras
