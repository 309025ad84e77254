// The camera relay: citizens' players fetch /api/v1/cameras/{code}/live/… from this server, never
// from the camera network. Each upstream file is fetched once however many ask for it: the first
// request fetches, requests arriving meanwhile wait for the same answer (coalescing), and the
// answer is kept in memory for a short time (playlists about a second, segments longer; at most
// max_cache_bytes in all, oldest dropped first). Failures are kept briefly too, so a dead camera
// is asked once every couple of seconds, not once per viewer. Outbound HTTP runs on the calling
// worker thread with no database session held (the handlers release theirs first); a request that
// finds a fetch already slow (in flight longer than half the timeout: a stalling camera) answers
// 503 at once instead of waiting, so a stalled camera cannot hold every worker thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "integrations/address_policy.h"
#include "modules/cameras/store.h"

namespace cdscb::server::cameras {

struct RelayOptions {
  std::string nvr;  // fills "{nvr}" in source URLs (--camera-nvr); empty: such cameras are down
  integrations::AddressPolicy addresses;
  std::string ca_file;
  // Each of connect, send, receive of one fetch. Short: the recorder is on the province's own
  // network, and a stalled camera holds the worker threads of those waiting for it.
  std::chrono::milliseconds timeout{3000};
  std::size_t max_cache_bytes = 64u << 20;
  std::chrono::milliseconds playlist_ttl{1000};
  std::chrono::milliseconds segment_ttl{30000};
  std::chrono::milliseconds failure_ttl{2000};
  std::chrono::milliseconds viewer_window{10000};
  std::chrono::milliseconds camera_ttl{2000};  // registry rows kept for the live routes
};

// One file of a live stream as the relay answers it.
struct LiveFile {
  int status = 200;  // 200; 404 unknown file; 502 garbage upstream; 503 camera down
  std::string content_type;
  std::shared_ptr<const std::string> body;
  bool playlist = false;
};

struct RelayStats {
  long long upstream_fetches = 0;  // fetches sent to cameras
  long long segment_fetches = 0;   // of which segments
  long long served = 0;            // files answered from a fetch, the cache or a shared wait
  long long segments_served = 0;
};

class Relay {
 public:
  explicit Relay(RelayOptions options);

  // The source URL with {nvr} filled in; empty when it cannot be fetched.
  std::string source_of(const Camera& camera) const;

  // Answers `file` ("master.m3u8", a rendition playlist, a segment) of `camera`'s stream.
  // `client` identifies the viewer for the viewer count ("" counts nobody: the probe, snapshots).
  LiveFile serve(const Camera& camera, std::string_view file, std::string_view client);

  // Whether the camera's source answers its master playlist now (shares the cache with viewers).
  bool probe(const Camera& camera);

  // Records what a fetch saw; true when it differs from what was last recorded (or is the first),
  // i.e. when the caller should write the status to the database.
  bool observe(const std::string& code, bool up);

  // Distinct clients that fetched the camera's stream within viewer_window.
  int viewers(const std::string& code);
  // The same over every camera (the operator's gauge).
  int viewers_total();

  // Registry rows for the live routes, so a crowd of viewers does not query for each file.
  std::optional<Camera> cached_camera(const std::string& code);
  void remember(const Camera& camera);
  void forget(const std::string& code);  // after an admin's edit

  RelayStats stats() const;
  const RelayOptions& options() const { return options_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Fetched {
    int status = 0;
    std::shared_ptr<const std::string> body;
    bool master = false;
  };
  // Turns the raw answer into what is served (a playlist rewritten), once per fetch.
  using Transform = std::function<Fetched(Fetched)>;
  struct Entry {
    std::shared_future<Fetched> future;
    bool done = false;
    Clock::time_point started = Clock::now();
    Clock::time_point expires;
    std::size_t bytes = 0;
  };

  Fetched fetch_shared(const std::string& url, bool segment, const Transform& transform);
  Fetched fetch_now(const std::string& url, bool segment) const;
  void store_done(const std::string& url, const Fetched& fetched, bool segment);
  Fetched playlist(const std::string& code, const std::string& url);
  std::optional<std::string> upstream_of(const std::string& code, const std::string& name);

  RelayOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::deque<std::string> order_;  // finished entries, oldest first, for eviction
  std::size_t cached_bytes_ = 0;
  // Per camera: public file name → upstream URL, from the playlists fetched, with when.
  std::map<std::string, std::map<std::string, std::pair<std::string, Clock::time_point>>> names_;
  std::map<std::string, std::map<std::string, Clock::time_point>> viewers_;
  std::map<std::string, bool> up_;
  std::map<std::string, std::pair<Camera, Clock::time_point>> cameras_;
  RelayStats stats_;
};

}  // namespace cdscb::server::cameras
