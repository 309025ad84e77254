// Snapshots: each camera's latest frame as a small JPEG, made by Debian's ffmpeg from the newest
// segment of its lowest rendition, and only for cameras someone looks at (a snapshot request or a
// viewer within the last minute), at most every refresh interval. The periodic task takes them
// off the request path; requests only read what is here.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cdscb::server::cameras {

struct Snapshot {
  std::shared_ptr<const std::string> jpeg;
  std::string etag;  // quoted, from the bytes
  std::chrono::system_clock::time_point taken_at;
};

class Snapshots {
 public:
  using Clock = std::chrono::steady_clock;
  explicit Snapshots(std::chrono::seconds refresh = std::chrono::seconds(30),
                     std::chrono::seconds interest = std::chrono::seconds(60));

  // Someone asked for this camera's snapshot (or watches it).
  void want(const std::string& code);
  std::optional<Snapshot> latest(const std::string& code) const;
  // Cameras someone wanted within `interest` whose snapshot is missing or older than `refresh`.
  std::vector<std::string> due() const;
  void put(const std::string& code, std::string jpeg);
  // A failed attempt: try again after the refresh interval, not at every round.
  void failed(const std::string& code);

 private:
  std::chrono::seconds refresh_, interest_;
  mutable std::mutex mutex_;
  std::map<std::string, Clock::time_point> wanted_;
  std::map<std::string, std::pair<Snapshot, Clock::time_point>> latest_;
  std::map<std::string, Clock::time_point> failed_;
};

// The first frame of `segment` (MPEG-TS bytes) as a JPEG at most 640 px wide, by ffmpeg run as a
// child process killed after `timeout`; nullopt when it fails. Blocks the calling thread.
std::optional<std::string> frame_as_jpeg(const std::string& segment,
                                         std::chrono::milliseconds timeout);

}  // namespace cdscb::server::cameras
