#include "http/static_files.h"

#include <doctest/doctest.h>

#include "http/negotiation.h"
#include "test_support.h"

using namespace cdscb::server::http;
using cdscb::server::testing::make_request;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::write_file;

namespace {

const std::string kIndex = "<!doctype html><title>Công dân số</title>" + std::string(200, 'x');

// A site like the build makes: index with .br and .gz siblings, a hashed wasm, a hidden file.
struct Site {
  Site() {
    write_file(dir.path() / "index.html", kIndex);
    write_file(dir.path() / "index.html.br", "BROTLI");
    write_file(dir.path() / "index.html.gz", "GZIP");
    write_file(dir.path() / "sw.js", "self.addEventListener('fetch', () => {});");
    write_file(dir.path() / "manifest.webmanifest", "{}");
    write_file(dir.path() / "assets/app.3fa9c2d1e0.wasm", std::string("\0asm", 4));
    write_file(dir.path() / "assets/app.3fa9c2d1e0.js", "export{}");
    write_file(dir.path() / "assets/style.css", "body{}");
    write_file(dir.path() / "icons/icon-192.png", "PNG");
    write_file(dir.path() / "icons/logo.svg", "<svg/>");
    write_file(dir.path() / "fonts/NotoSans.ttf", "TTF");
    write_file(dir.path() / "fonts/NotoSans.woff2", "WOFF2");
    write_file(dir.path() / "i18n/vi.json", "{}");
    write_file(dir.path() / "favicon.ico", "ICO");
    write_file(dir.path() / "robots.txt", "User-agent: *");
    write_file(dir.path() / "docs/index.html", "docs");
    write_file(dir.path() / ".env", "SECRET=1");
    files = StaticFiles::load(dir.path());
  }
  Response get(std::string target, std::string accept_encoding = "",
               std::string if_none_match = "") const {
    Request request = make_request("GET", std::move(target));
    if (!accept_encoding.empty()) request.headers.add("Accept-Encoding", accept_encoding);
    if (!if_none_match.empty()) request.headers.add("If-None-Match", if_none_match);
    return files.serve(request);
  }
  TempDir dir;
  StaticFiles files;
};

std::string header(const Response& response, std::string_view name) {
  return std::string(response.headers.get(name).value_or("<none>"));
}

}  // namespace

TEST_CASE("files are served with the content type of their extension") {
  const Site site;
  const std::pair<const char*, const char*> expected[] = {
      {"/", "text/html; charset=utf-8"},
      {"/sw.js", "text/javascript; charset=utf-8"},
      {"/manifest.webmanifest", "application/manifest+json"},
      {"/assets/app.3fa9c2d1e0.wasm", "application/wasm"},
      {"/assets/style.css", "text/css; charset=utf-8"},
      {"/icons/icon-192.png", "image/png"},
      {"/icons/logo.svg", "image/svg+xml"},
      {"/fonts/NotoSans.ttf", "font/ttf"},
      {"/fonts/NotoSans.woff2", "font/woff2"},
      {"/i18n/vi.json", "application/json"},
      {"/favicon.ico", "image/x-icon"},
      {"/robots.txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [path, type] : expected) {
    CAPTURE(path);
    const Response response = site.get(path);
    CHECK(response.status == 200);
    CHECK(header(response, "Content-Type") == type);
  }
  CHECK(site.get("/").body_view() == kIndex);
  CHECK(site.get("/docs/").body_view() == "docs");
  CHECK(site.get("/assets/app.3fa9c2d1e0.wasm").body_size() == 4);
}

TEST_CASE("brotli is preferred, then gzip, then identity, as Accept-Encoding allows") {
  const Site site;
  Response response = site.get("/index.html", "gzip, deflate, br");
  CHECK(response.body_view() == "BROTLI");
  CHECK(header(response, "Content-Encoding") == "br");
  CHECK(header(response, "Vary") == "Accept-Encoding");
  CHECK(header(response, "Content-Type") == "text/html; charset=utf-8");

  response = site.get("/index.html", "gzip");
  CHECK(response.body_view() == "GZIP");
  CHECK(header(response, "Content-Encoding") == "gzip");

  response = site.get("/index.html", "br;q=0, gzip;q=0.5");
  CHECK(response.body_view() == "GZIP");

  response = site.get("/index.html", "identity");
  CHECK(response.body_view() == kIndex);
  CHECK_FALSE(response.headers.has("Content-Encoding"));
  CHECK(header(response, "Vary") == "Accept-Encoding");

  response = site.get("/index.html", "*");
  CHECK(header(response, "Content-Encoding") == "br");
  // A file without variants does not vary.
  CHECK_FALSE(site.get("/sw.js", "br").headers.has("Vary"));
}

TEST_CASE("compressed siblings are not served under their own names") {
  const Site site;
  CHECK(site.get("/index.html.br").status == 404);
  CHECK(site.get("/index.html.gz").status == 404);
  CHECK(site.files.file_count() == 14);
}

TEST_CASE("ETag and If-None-Match give 304 without a body") {
  const Site site;
  const Response first = site.get("/sw.js");
  const std::string etag = header(first, "ETag");
  CHECK(etag.size() == 34);
  CHECK(etag.front() == '"');
  const Response again = site.get("/sw.js", "", etag);
  CHECK(again.status == 304);
  CHECK(again.body_size() == 0);
  CHECK(header(again, "ETag") == etag);
  CHECK(header(again, "Cache-Control") == "no-cache");
  CHECK(site.get("/sw.js", "", "W/" + etag + ", \"other\"").status == 304);
  CHECK(site.get("/sw.js", "", "\"stale\"").status == 200);

  // Each encoding is its own representation with its own tag.
  const std::string br_etag = header(site.get("/", "br"), "ETag");
  CHECK(br_etag != header(site.get("/"), "ETag"));
  CHECK(site.get("/", "br", br_etag).status == 304);
  CHECK(site.get("/", "", br_etag).status == 200);
}

TEST_CASE("hashed file names are immutable for a year; the rest revalidate") {
  const Site site;
  CHECK(header(site.get("/assets/app.3fa9c2d1e0.wasm"), "Cache-Control") ==
        "public, max-age=31536000, immutable");
  CHECK(header(site.get("/assets/app.3fa9c2d1e0.js"), "Cache-Control") ==
        "public, max-age=31536000, immutable");
  for (const char* path : {"/", "/sw.js", "/manifest.webmanifest", "/icons/icon-192.png"}) {
    CAPTURE(path);
    CHECK(header(site.get(path), "Cache-Control") == "no-cache");
  }
  CHECK(has_content_hash("/a/app.3fa9c2d1.wasm"));
  CHECK_FALSE(has_content_hash("/a/app.3fa9c2d.wasm"));     // 7 digits
  CHECK_FALSE(has_content_hash("/a/app.3FA9C2D1E0.wasm"));  // not lower-case hex
  CHECK_FALSE(has_content_hash("/a/deadbeef00"));           // no dot after
  CHECK_FALSE(has_content_hash("/deadbeef00.d/app.wasm"));  // directory, not base name
}

TEST_CASE("path traversal and hidden files are refused") {
  const Site site;
  CHECK(site.get("/../index.html").status == 400);
  CHECK(site.get("/assets/%2e%2e/%2e%2e/etc/passwd").status == 400);
  CHECK(site.get("/./index.html").status == 400);
  CHECK(site.get("/assets%5c..%5cindex.html").status == 400);
  CHECK(site.get("/.env").status == 404);
}

TEST_CASE("HEAD gives the headers and length of GET without the body") {
  const Site site;
  Request request = make_request("HEAD", "/sw.js");
  const Response response = site.files.serve(request);
  CHECK(response.status == 200);
  CHECK(response.body_size() == 0);
  CHECK(header(response, "Content-Length") == std::to_string(site.get("/sw.js").body_size()));
  CHECK(header(response, "ETag") == header(site.get("/sw.js"), "ETag"));
}

TEST_CASE("unknown paths get the Vietnamese 404 page; other methods get 405") {
  const Site site;
  const Response missing = site.get("/khong-co");
  CHECK(missing.status == 404);
  CHECK(header(missing, "Content-Type") == "text/html; charset=utf-8");
  CHECK(missing.body.find("Không tìm thấy trang") != std::string::npos);

  Request post = make_request("POST", "/index.html");
  const Response refused = site.files.serve(post);
  CHECK(refused.status == 405);
  CHECK(header(refused, "Allow") == "GET, HEAD");
}

TEST_CASE("loading a missing directory fails loudly") {
  const TempDir dir;
  CHECK_THROWS(StaticFiles::load(dir.path() / "nope"));
}
