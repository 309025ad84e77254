// The built web app ("site" directory), held in memory and served with content negotiation
// (precompressed .br/.gz siblings), strong ETags and cache policy by file name.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/request.h"
#include "http/response.h"

namespace cdscb::server::http {

struct StaticVariant {
  std::shared_ptr<const std::string> bytes;
  std::string etag;  // strong, quoted, specific to these bytes
};

struct StaticAsset {
  std::string content_type;
  std::string cache_control;  // "public, max-age=31536000, immutable" or "no-cache"
  StaticVariant identity;
  std::optional<StaticVariant> brotli;  // from "<name>.br" when the build made one
  std::optional<StaticVariant> gzip;    // from "<name>.gz"
};

class StaticFiles {
 public:
  StaticFiles() = default;

  // Reads every regular file under `dir`, skipping dot-files (except .well-known/). A ".br" or
  // ".gz" file next to its uncompressed original becomes that file's variant and is not served
  // under its own name. Throws std::runtime_error if `dir` is not a readable directory.
  static StaticFiles load(const std::filesystem::path& dir);

  // The asset at a decoded URL path such as "/assets/app.js"; nullptr if none.
  const StaticAsset* find(std::string_view url_path) const;
  std::size_t file_count() const { return files_.size(); }
  std::size_t total_bytes() const { return total_bytes_; }

  // GET/HEAD of a file → 200 (or 304 when If-None-Match matches); "/" and ".../" mean
  // index.html; other methods on a file → 405; unknown path → 404 page in Vietnamese; a path
  // with "." or ".." segments or backslashes → 400.
  Response serve(const Request& request) const;

 private:
  std::unordered_map<std::string, StaticAsset> files_;  // key: "/index.html"
  std::size_t total_bytes_ = 0;
};

// The small Vietnamese HTML page for unknown non-API paths.
Response not_found_page();

}  // namespace cdscb::server::http
