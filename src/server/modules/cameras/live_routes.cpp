// The relayed live streams and the snapshots: public, no login. The registry row comes from the
// relay's short cache; upstream fetches run with no database session held.
#include <soci/soci.h>

#include "modules/cameras/messages.h"
#include "modules/cameras/playlist.h"
#include "modules/cameras/routes.h"
#include "util/time.h"

namespace cdscb::server::cameras {
namespace {

constexpr std::chrono::seconds kFrameTimeout{10};

http::Response unavailable(std::string_view code, std::string_view message, int retry_after) {
  http::Response response = http::Response::error(503, code, message);
  response.headers.set("Retry-After", std::to_string(retry_after));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response live(const CamerasDeps& deps, const http::Request& request) {
  const std::string code(request.param("code").value_or(""));
  const Camera camera = published_camera(deps, code);
  if (camera.maintenance) return unavailable("camera_maintenance", messages::kMaintenance, 60);
  // Viewers are told apart by address and browser: phones behind one carrier NAT share an address.
  const std::string client =
      request.remote_address + "|" + std::string(request.header("User-Agent").value_or(""));
  const LiveFile file = deps.relay->serve(camera, request.param("file").value_or(""), client);
  // Someone watching keeps the camera's snapshot fresh for the list.
  deps.snapshots->want(code);
  if (file.status == 502 || file.status == 503 || (file.playlist && file.status == 200)) {
    record_status(deps, code, file.status == 200);
  }
  if (file.status == 200) {
    http::Response response;
    response.headers.set("Content-Type", file.content_type);
    response.headers.set("Cache-Control",
                         file.playlist ? "no-cache" : "public, max-age=60, immutable");
    response.shared_body = file.body;
    return response;
  }
  if (file.status == 404) {
    http::Response response = http::Response::error(404, "not_found", messages::kLiveNotFound);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  if (file.status == 502) {
    http::Response response =
        http::Response::error(502, "camera_bad_stream", messages::kBadUpstream);
    response.headers.set("Retry-After", "2");
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  return unavailable("camera_offline", messages::kOffline, 2);
}

http::Response snapshot(const CamerasDeps& deps, const http::Request& request) {
  const std::string code(request.param("code").value_or(""));
  published_camera(deps, code);
  deps.snapshots->want(code);
  const auto latest = deps.snapshots->latest(code);
  if (!latest) return unavailable("snapshot_pending", messages::kNoSnapshot, 5);
  http::Response response;
  response.headers.set("ETag", latest->etag);
  response.headers.set("Last-Modified", util::http_date(latest->taken_at));
  // Revalidated at each refresh: a 304 costs nothing until a newer frame is taken.
  response.headers.set("Cache-Control", "public, no-cache");
  if (request.header("If-None-Match").value_or("") == latest->etag) {
    response.status = 304;
    return response;
  }
  response.headers.set("Content-Type", "image/jpeg");
  response.shared_body = latest->jpeg;
  return response;
}

}  // namespace

void refresh_snapshots(const CamerasDeps& deps) {
  for (const std::string& code : deps.snapshots->due()) {
    std::optional<Camera> camera;
    {
      soci::session sql(deps.database.pool());
      camera = find_camera(sql, code);
    }
    if (!camera || !camera->published || camera->maintenance) continue;
    // master → the lowest rendition → its newest segment, through the relay's shared cache.
    std::optional<std::string> jpeg;
    const LiveFile master = deps.relay->serve(*camera, "master.m3u8", "");
    const auto rendition = master.status == 200 ? lowest_rendition(*master.body) : std::nullopt;
    LiveFile media;
    media.status = 404;
    if (rendition) media = deps.relay->serve(*camera, *rendition, "");
    const auto newest = media.status == 200 ? newest_segment(*media.body) : std::nullopt;
    if (newest) {
      const LiveFile segment = deps.relay->serve(*camera, *newest, "");
      if (segment.status == 200) jpeg = frame_as_jpeg(*segment.body, kFrameTimeout);
    }
    if (jpeg) {
      deps.snapshots->put(code, std::move(*jpeg));
    } else {
      deps.snapshots->failed(code);
    }
  }
}

void register_live_routes(http::Router& router, const CamerasDeps& deps) {
  router.get("/api/v1/cameras/{code}/live/{file}",
             [deps](const http::Request& request) { return live(deps, request); });
  router.get("/api/v1/cameras/{code}/snapshot.jpg",
             [deps](const http::Request& request) { return snapshot(deps, request); });
}

}  // namespace cdscb::server::cameras
