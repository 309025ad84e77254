// The relay: playlists rewritten to the server's own names, segments fetched once for many
// viewers (coalescing and the cache), cache headers, a stalling and a garbage source, the status
// the relay and the probe record, viewer counts and snapshots.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "modules/cameras/cameras_harness.h"
#include "modules/cameras/playlist.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

TEST_CASE("cameras: playlists are rewritten so every URI is the relay's own file name") {
  using cameras::resolve_uri;
  CHECK(resolve_uri("http://nvr:81/s/cam1/master.m3u8?x=1", "360p.m3u8") ==
        "http://nvr:81/s/cam1/360p.m3u8");
  CHECK(resolve_uri("http://nvr:81/s/cam1/master.m3u8", "/other/a.ts") ==
        "http://nvr:81/other/a.ts");
  CHECK(resolve_uri("https://nvr/s/m.m3u8", "//cdn/x.ts") == "https://cdn/x.ts");
  CHECK(resolve_uri("http://nvr/m.m3u8", "http://b/c.ts") == "http://b/c.ts");

  const auto master = cameras::rewrite_playlist(
      "#EXTM3U\r\n#EXT-X-STREAM-INF:BANDWIDTH=440000\r\n360p.m3u8\r\n"
      "#EXT-X-STREAM-INF:BANDWIDTH=1320000\r\nhttp://nvr/s/cam1/720p.m3u8?auth=secret\r\n"
      "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"audio/tieng.m3u8\"\r\n",
      "http://nvr/s/cam1/master.m3u8");
  REQUIRE(master);
  CHECK(master->master);
  CHECK(master->text ==
        "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=440000\n360p.m3u8\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=1320000\n720p.m3u8\n"
        "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"tieng.m3u8\"\n");
  REQUIRE(master->names.size() == 3);
  CHECK(master->names[1] == std::pair<std::string, std::string>(
                                "720p.m3u8", "http://nvr/s/cam1/720p.m3u8?auth=secret"));
  CHECK(master->names[2].second == "http://nvr/s/cam1/audio/tieng.m3u8");
  CHECK(cameras::lowest_rendition(master->text) == "360p.m3u8");

  const auto media = cameras::rewrite_playlist(
      "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2.0,\nseg 1.ts\n#EXTINF:2.0,\nseg2.ts\n",
      "http://nvr/live/index.m3u8");
  REQUIRE(media);
  CHECK_FALSE(media->master);
  CHECK(media->text.find("URI=\"init.mp4\"") != std::string::npos);
  // An unsafe name ("seg 1.ts") becomes a hash, with its extension.
  CHECK(media->names[1].first.starts_with("u"));
  CHECK(media->names[1].first.ends_with(".ts"));
  CHECK(cameras::newest_segment(media->text) == "seg2.ts");

  CHECK_FALSE(cameras::rewrite_playlist("<html>502 Bad Gateway</html>", "http://nvr/m.m3u8"));
  CHECK_FALSE(cameras::rewrite_playlist("#EXTM3U\n#EXT-X-VERSION:3\n", "http://nvr/m.m3u8"));
  CHECK_FALSE(cameras::rewrite_playlist(std::string("#EXTM3U\n\x01\x02", 10), "http://nvr/m"));
}

TEST_CASE("cameras: the live stream through the relay, with its cache headers") {
  CamerasHarness h;
  h.serve_stream();
  const auto master = h.get("/api/v1/cameras/cb-cam-01/live/master.m3u8");
  REQUIRE_MESSAGE(master.status == 200, master.body);
  CHECK(master.headers.get("Content-Type") == "application/vnd.apple.mpegurl");
  CHECK(master.headers.get("Cache-Control") == "no-cache");
  const std::string text(master.body_view());
  CHECK(text.find("\n360p.m3u8\n") != std::string::npos);
  CHECK(text.find("\n720p.m3u8\n") != std::string::npos);

  const auto media = h.get("/api/v1/cameras/cb-cam-01/live/360p.m3u8");
  REQUIRE(media.status == 200);
  CHECK(media.headers.get("Cache-Control") == "no-cache");
  CHECK(std::string(media.body_view()).ends_with("\n360p_7.ts\n#EXTINF:2.000,\n360p_8.ts\n"));

  for (const char* name : {"360p_7.ts", "360p_8.ts"}) {
    const auto segment = h.get(std::string("/api/v1/cameras/cb-cam-01/live/") + name);
    REQUIRE_MESSAGE(segment.status == 200, name);
    CHECK(segment.headers.get("Content-Type") == "video/mp2t");
    CHECK(segment.headers.get("Cache-Control") == "public, max-age=60, immutable");
    CHECK(segment.body_view().size() == 50 * 188);
  }
  // A name no playlist listed is not fetched from anywhere.
  CHECK(h.get("/api/v1/cameras/cb-cam-01/live/360p_1.ts").status == 404);
  CHECK(h.get("/api/v1/cameras/cb-cam-01/live/..%2F..%2Fetc%2Fpasswd").status == 404);
  CHECK(h.stored_status("cb-cam-01") == "online");
  CHECK(h.deps.relay->viewers("cb-cam-01") == 1);
  CHECK(h.deps.relay->viewers("cb-cam-02") == 0);
}

TEST_CASE("cameras: many viewers asking for a segment at once cause one upstream fetch") {
  CamerasHarness h;
  h.serve_stream(std::chrono::milliseconds(400));  // slow enough for every request to overlap
  REQUIRE(h.get("/api/v1/cameras/cb-cam-01/live/360p.m3u8").status == 200);
  constexpr int kViewers = 12;
  std::vector<std::string> bodies(kViewers);
  std::vector<int> statuses(kViewers);
  std::vector<std::thread> viewers;
  for (int i = 0; i < kViewers; ++i) {
    viewers.emplace_back([&, i] {
      const auto response = h.get("/api/v1/cameras/cb-cam-01/live/360p_7.ts");
      statuses[i] = response.status;
      bodies[i] = std::string(response.body_view());
    });
  }
  for (auto& viewer : viewers) viewer.join();
  CHECK(h.upstream.hits("/streams/cam1/360p_7.ts") == 1);
  for (int i = 0; i < kViewers; ++i) {
    CHECK(statuses[i] == 200);
    CHECK(bodies[i] == fake_segment('a'));
  }
  // Later viewers get it from the cache; playlists are fetched again after a second.
  CHECK(h.get("/api/v1/cameras/cb-cam-01/live/360p_7.ts").status == 200);
  CHECK(h.upstream.hits("/streams/cam1/360p_7.ts") == 1);
  CHECK(h.upstream.hits("/streams/cam1/360p.m3u8") == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(h.get("/api/v1/cameras/cb-cam-01/live/360p.m3u8").status == 200);
  CHECK(h.upstream.hits("/streams/cam1/360p.m3u8") == 2);
  const auto stats = h.deps.relay->stats();
  CHECK(stats.segment_fetches == 1);
  CHECK(stats.segments_served == kViewers + 1);
}

TEST_CASE("cameras: a stalling source answers 503 with Retry-After and marks the camera offline") {
  CamerasHarness h(std::chrono::milliseconds(300));
  h.serve_stream();
  REQUIRE(h.get("/api/v1/cameras/cb-cam-01/live/master.m3u8").status == 200);
  CHECK(h.stored_status("cb-cam-01") == "online");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the cached playlist expires
  h.upstream.set("/streams/cam1/master.m3u8", {.stall = true});
  const auto start = std::chrono::steady_clock::now();
  http::Response stalled;
  std::thread first([&] { stalled = h.get("/api/v1/cameras/cb-cam-01/live/master.m3u8"); });
  // Another viewer arriving while that fetch is slow is answered at once, not made to wait.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto second_start = std::chrono::steady_clock::now();
  CHECK(h.get("/api/v1/cameras/cb-cam-01/live/master.m3u8").status == 503);
  CHECK(std::chrono::steady_clock::now() - second_start < std::chrono::milliseconds(100));
  first.join();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  CHECK(h.upstream.hits("/streams/cam1/master.m3u8") == 2);
  CHECK(stalled.status == 503);
  CHECK(stalled.headers.get("Retry-After") == "2");
  CHECK(json::parse(stalled.body)["error"]["code"] == "camera_offline");
  CHECK(h.stored_status("cb-cam-01") == "offline");
  CHECK(h.list("?q=bang")["items"][0]["status"] == "offline");

  // The source answers again: the periodic probe marks it online.
  h.serve_stream();
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // the failure is kept 2 s
  cameras::probe_cameras(h.deps);
  CHECK(h.stored_status("cb-cam-01") == "online");
  // cam2 and cam3 have no stream at this source: the probe marks them offline.
  CHECK(h.stored_status("cb-cam-02") == "offline");
}

TEST_CASE("cameras: a source that sends garbage answers 502; a stopped one 503") {
  CamerasHarness h;
  h.upstream.set("/streams/cam1/master.m3u8", {.body = "<html><body>Login</body></html>"});
  const auto garbage = h.get("/api/v1/cameras/cb-cam-01/live/master.m3u8");
  CHECK(garbage.status == 502);
  CHECK(json::parse(garbage.body)["error"]["code"] == "camera_bad_stream");
  CHECK(h.stored_status("cb-cam-01") == "offline");

  h.serve_stream();
  h.upstream.set("/streams/cam1/360p_7.ts", {.body = "<html>not video</html>"});
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  REQUIRE(h.get("/api/v1/cameras/cb-cam-01/live/360p.m3u8").status == 200);
  CHECK(h.get("/api/v1/cameras/cb-cam-01/live/360p_7.ts").status == 502);

  h.upstream.set("/streams/cam2/master.m3u8", {.status = 503, .body = "camera offline"});
  const auto stopped = h.get("/api/v1/cameras/cb-cam-02/live/master.m3u8");
  CHECK(stopped.status == 503);
  CHECK(stopped.headers.get("Retry-After").has_value());
  CHECK(stopped.headers.get("Cache-Control") == "no-store");
  // Kept briefly: a crowd of viewers of a dead camera does not hammer it.
  CHECK(h.get("/api/v1/cameras/cb-cam-02/live/master.m3u8").status == 503);
  CHECK(h.upstream.hits("/streams/cam2/master.m3u8") == 1);
}

TEST_CASE("cameras: a snapshot is the newest frame as a small JPEG with an ETag") {
  CamerasHarness h;
  h.serve_stream();
  // A real H.264 segment at 720p, made by Debian's ffmpeg, as the 360p rendition's newest.
  TempDir dir;
  const auto file = dir.path() / "seg.ts";
  const std::string command =
      "ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=10 -t 0.3 "
      "-c:v libx264 -pix_fmt yuv420p -f mpegts " +
      file.string();
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  h.upstream.set("/streams/cam1/360p_8.ts?token=abc", {.body = bytes.str()});

  const auto none = h.get("/api/v1/cameras/cb-cam-01/snapshot.jpg");
  CHECK(none.status == 503);
  CHECK(none.headers.get("Retry-After").has_value());
  CHECK(h.get("/api/v1/cameras/cb-cam-77/snapshot.jpg").status == 404);

  cameras::refresh_snapshots(h.deps);  // the periodic task: wanted since the request above
  const auto snapshot = h.get("/api/v1/cameras/cb-cam-01/snapshot.jpg");
  REQUIRE(snapshot.status == 200);
  CHECK(snapshot.headers.get("Content-Type") == "image/jpeg");
  const std::string jpeg(snapshot.body_view());
  REQUIRE(jpeg.size() > 100);
  CHECK(static_cast<unsigned char>(jpeg[0]) == 0xFF);
  // The width from the JPEG's start-of-frame marker: scaled down to 640.
  int width = 0;
  for (std::size_t i = 2; i + 9 < jpeg.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(jpeg[k]); };
    if (b(i) == 0xFF && (b(i + 1) == 0xC0 || b(i + 1) == 0xC2)) {
      width = b(i + 7) * 256 + b(i + 8);
      break;
    }
  }
  CHECK(width == 640);
  const std::string etag(snapshot.headers.get("ETag").value_or(""));
  REQUIRE(etag.size() > 2);
  const auto again = h.get("/api/v1/cameras/cb-cam-01/snapshot.jpg", "", etag);
  CHECK(again.status == 304);
  CHECK(again.body_view().empty());
  // Not due again before the refresh interval: no second ffmpeg run.
  CHECK(h.deps.snapshots->due().empty());
}
