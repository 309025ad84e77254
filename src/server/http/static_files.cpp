#include "http/static_files.h"

#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <system_error>

#include "http/messages.h"
#include "http/negotiation.h"
#include "util/strings.h"

namespace cdscb::server::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

std::shared_ptr<const std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  auto bytes = std::make_shared<std::string>(std::istreambuf_iterator<char>(in),
                                             std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read " + path.string());
  return bytes;
}

bool hidden(const fs::path& relative) {
  for (const fs::path& part : relative) {
    const std::string name = part.string();
    if (name.starts_with('.') && name != ".well-known") return true;
  }
  return false;
}

// Whether a decoded URL path could name something outside the site directory.
bool unsafe_path(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return true;
  }
  for (std::string_view segment : util::split(path, '/')) {
    if (segment == "." || segment == "..") return true;
  }
  return false;
}

StaticVariant make_variant(std::shared_ptr<const std::string> bytes) {
  std::string etag = strong_etag(*bytes);
  return StaticVariant{std::move(bytes), std::move(etag)};
}

}  // namespace

StaticFiles StaticFiles::load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir.string() + " is not a directory");

  std::map<std::string, std::shared_ptr<const std::string>> raw;  // "/a/b.js" → bytes
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const fs::path relative = it->path().lexically_relative(dir);
    if (hidden(relative)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    raw.emplace("/" + relative.generic_string(), read_file(it->path()));
  }
  if (ec) throw std::runtime_error("cannot list " + dir.string() + ": " + ec.message());

  StaticFiles files;
  const auto is_variant_of_existing = [&](const std::string& path) {
    const bool compressed = path.ends_with(".br") || path.ends_with(".gz");
    return compressed && raw.count(path.substr(0, path.size() - 3)) > 0;
  };
  for (const auto& [path, bytes] : raw) {
    if (is_variant_of_existing(path)) continue;
    StaticAsset asset;
    asset.content_type = content_type_for(path);
    asset.cache_control = has_content_hash(path) ? kImmutable : kRevalidate;
    asset.identity = make_variant(bytes);
    // A variant that does not save bytes is not worth the client's decompression.
    if (const auto br = raw.find(path + ".br");
        br != raw.end() && br->second->size() < bytes->size()) {
      asset.brotli = make_variant(br->second);
    }
    if (const auto gz = raw.find(path + ".gz");
        gz != raw.end() && gz->second->size() < bytes->size()) {
      asset.gzip = make_variant(gz->second);
    }
    files.total_bytes_ += bytes->size();
    files.files_.emplace(path, std::move(asset));
  }
  return files;
}

const StaticAsset* StaticFiles::find(std::string_view url_path) const {
  const auto it = files_.find(std::string(url_path));
  return it == files_.end() ? nullptr : &it->second;
}

Response StaticFiles::serve(const Request& request) const {
  if (unsafe_path(request.path)) return Response::text(400, std::string(messages::kBadRequest));
  std::string path = request.path;
  if (path.ends_with('/')) path += "index.html";
  const StaticAsset* asset = find(path);
  if (!asset) return not_found_page();

  const bool head = request.method == "HEAD";
  if (request.method != "GET" && !head) {
    Response response = Response::text(405, std::string(messages::kMethodNotAllowed));
    response.headers.set("Allow", "GET, HEAD");
    return response;
  }

  const StaticVariant* variant = &asset->identity;
  std::string_view encoding;
  const std::string_view accept = request.header("Accept-Encoding").value_or("");
  if (asset->brotli && accepts_encoding(accept, "br")) {
    variant = &*asset->brotli;
    encoding = "br";
  } else if (asset->gzip && accepts_encoding(accept, "gzip")) {
    variant = &*asset->gzip;
    encoding = "gzip";
  }

  Response response;
  response.headers.set("Cache-Control", asset->cache_control);
  response.headers.set("ETag", variant->etag);
  if (asset->brotli || asset->gzip) response.headers.set("Vary", "Accept-Encoding");
  if (const auto match = request.header("If-None-Match");
      match && etag_matches(*match, variant->etag)) {
    response.status = 304;
    return response;
  }
  response.status = 200;
  response.headers.set("Content-Type", asset->content_type);
  if (!encoding.empty()) response.headers.set("Content-Encoding", std::string(encoding));
  response.shared_body = variant->bytes;
  if (head) strip_body_for_head(response);
  return response;
}

Response not_found_page() {
  return Response::html(
      404,
      "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>Không tìm thấy trang</title></head>\n<body><h1>Không tìm thấy "
      "trang</h1><p>Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.</p>"
      "<p><a href=\"/\">Về trang chủ Công dân số Cao Bằng</a></p></body></html>\n");
}

}  // namespace cdscb::server::http
