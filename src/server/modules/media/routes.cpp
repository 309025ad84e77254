#include "modules/media/routes.h"

#include <soci/soci.h>

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http/rate_limit.h"
#include "util/log.h"
#include "util/strings.h"

namespace cdscb::server {
namespace {

constexpr char kTooLarge[] = "Ảnh vượt quá 10 MB.";
constexpr char kPhotoNotFound[] = "Không tìm thấy ảnh.";
constexpr char kImmutable[] = "public, max-age=31536000, immutable";
// The route's body limit: a little above kMaxUploadBytes so that the handler, not the
// transport, answers the uploads just past the limit (same answer either way).
constexpr std::size_t kUploadBodyLimit = media::kMaxUploadBytes + 64 * 1024;

nlohmann::json media_json(const media::StoredImage& image) {
  return {{"id", image.id},       {"url", image.url},       {"content_type", image.content_type},
          {"width", image.width}, {"height", image.height}, {"bytes", image.bytes}};
}

// A Content-Length above the limit is refused before looking at the body.
bool declares_too_much(const http::Request& request) {
  const auto length = request.header("Content-Length");
  if (!length) return false;
  std::size_t value = 0;
  const std::string_view text = util::trim(*length);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc::result_out_of_range ||
         (error == std::errc() && value > media::kMaxUploadBytes);
}

void record_upload(soci::session& sql, const media::StoredImage& image, long long user_id,
                   long long now) {
  // The first uploader stays the owner; a second upload of the same photo only restarts the
  // day it has to be used before the purge takes it (modules/media/purge.h).
  const long long bytes = static_cast<long long>(image.bytes);
  sql << "INSERT INTO media (id, content_type, width, height, bytes, uploaded_by, created_at) "
         "VALUES (:id, :content_type, :width, :height, :bytes, :uploaded_by, :created_at) "
         "ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at",
      soci::use(image.id), soci::use(image.content_type), soci::use(image.width),
      soci::use(image.height), soci::use(bytes), soci::use(user_id), soci::use(now);
}

http::Response upload(const MediaDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (declares_too_much(request) || request.body.size() > media::kMaxUploadBytes) {
    throw http::HttpError(413, "too_large", kTooLarge);
  }
  const long long now = accounts::unix_seconds(deps.sessions.clock()());
  // Counted before the work: what a client sends costs the server, whether it is kept or not.
  const std::string key = http::account_key(user.id);
  if (auto refused = http::check_rate_limits(sql, {kUploadsPerDay}, key, now)) return *refused;
  if (auto refused = http::check_rate_limits(sql, {kUploadBytesPerDay}, key, now,
                                             static_cast<long long>(request.body.size()))) {
    return *refused;
  }
  media::StoredImage image;
  try {
    image = deps.store.store(request.body);
  } catch (const media::MediaError& e) {
    throw http::HttpError(e.status(), e.code(), e.message());
  }
  record_upload(sql, image, user.id, now);
  http::Response response = http::Response::json(201, {{"media", media_json(image)}});
  response.headers.set("Location", image.url);
  return response;
}

bool etag_matches(const http::Request& request, const std::string& etag) {
  const auto wanted = request.header("If-None-Match");
  if (!wanted) return false;
  return util::trim(*wanted) == "*" || wanted->find(etag) != std::string_view::npos;
}

http::Response serve(const MediaDeps& deps, const http::Request& request) {
  const auto file = deps.store.open(request.param("name").value_or(""));
  if (!file) return http::Response::error(404, "not_found", kPhotoNotFound);
  http::Response response;
  response.headers.set("Cache-Control", kImmutable);
  response.headers.set("ETag", file->etag);
  response.headers.set("X-Content-Type-Options", "nosniff");
  if (etag_matches(request, file->etag)) {
    response.status = 304;
    return response;
  }
  std::ifstream in(file->path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " + file->path.string());
  response.status = 200;
  response.headers.set("Content-Type", file->content_type);
  response.body = std::move(bytes).str();
  return response;
}

}  // namespace

void register_media_routes(http::Router& router, const MediaDeps& deps) {
  router.post("/api/v1/media", [deps](const http::Request& r) { return upload(deps, r); });
  router.limit_body("POST", "/api/v1/media",
                    {.max_bytes = kUploadBodyLimit, .code = "too_large", .message = kTooLarge});
  router.get("/media/{name}", [deps](const http::Request& r) { return serve(deps, r); });
}

}  // namespace cdscb::server
