// POST /api/v1/media and GET /media/…: through the router with a real SQLite database and a real
// store on a temporary directory, as the transport would call them.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http/pipeline.h"
#include "integrations/media_test_support.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/sessions.h"
#include "modules/media/routes.h"

namespace fs = std::filesystem;
using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

std::size_t count_files(const fs::path& root) {
  std::size_t n = 0;
  if (!fs::exists(root)) return 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) n += entry.is_regular_file();
  return n;
}

struct MediaFixture {
  AccountsHarness accounts;
  TempDir dir;
  http::Router router;
  std::string token;

  MediaFixture() {
    register_media_routes(router, {.database = accounts.database(),
                                   .sessions = accounts::Sessions(
                                       accounts.database(), {.now = accounts.clock.function()}),
                                   .store = media::MediaStore(dir.path() / "media")});
    token = accounts.create_account("0912345678", "Thac Ban Gioc 2025");
  }

  http::Response upload(std::string body, std::string content_type = "image/jpeg",
                        bool signed_in = true) {
    http::Request request = make_request("POST", "/api/v1/media");
    request.headers.add("Content-Type", content_type);
    request.headers.add("Content-Length", std::to_string(body.size()));
    if (signed_in) request.headers.add("Cookie", "cdscb_session=" + token);
    request.body = std::move(body);
    return router.dispatch(request);
  }

  http::Response get(const std::string& target, const std::string& if_none_match = "") {
    http::Request request = make_request("GET", target);
    if (!if_none_match.empty()) request.headers.add("If-None-Match", if_none_match);
    return router.dispatch(request);
  }

  fs::path media_dir() const { return dir.path() / "media"; }
  int media_rows() { return accounts.count_rows("media"); }
};

nlohmann::json media_of(const http::Response& response) {
  return nlohmann::json::parse(response.body)["media"];
}
std::string error_code(const http::Response& response) {
  return nlohmann::json::parse(response.body)["error"]["code"];
}

}  // namespace

TEST_CASE("a signed-in citizen uploads a photo with GPS in its EXIF; the served copy has none") {
  MediaFixture f;
  const std::string upload = with_exif_gps(make_jpeg(2000, 1500));
  REQUIRE(upload.find("SpyCam") != std::string::npos);
  const http::Response created = f.upload(upload);
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const auto media = media_of(created);
  const std::string id = media["id"];
  CHECK(id.size() == 64);
  CHECK(media["url"] == "/media/" + id + ".jpg");
  CHECK(media["content_type"] == "image/jpeg");
  CHECK(media["width"] == 1600);
  CHECK(media["height"] == 1200);

  const http::Response served = f.get("/media/" + id + ".jpg");
  REQUIRE(served.status == 200);
  CHECK(served.body.size() == media["bytes"].get<std::size_t>());
  CHECK(served.headers.get("Content-Type") == "image/jpeg");
  CHECK(served.headers.get("Cache-Control") == "public, max-age=31536000, immutable");
  CHECK(served.headers.get("ETag") == "\"" + id + "\"");
  CHECK(served.headers.get("X-Content-Type-Options") == "nosniff");
  CHECK_FALSE(has_jpeg_metadata(served.body));
  CHECK_FALSE(vips_has_field(served.body, "exif-data"));
  CHECK(served.body.find("Exif") == std::string::npos);
  CHECK(served.body.find("SpyCam") == std::string::npos);

  const http::Response again = f.get("/media/" + id + ".jpg", "\"" + id + "\"");
  CHECK(again.status == 304);
  CHECK(again.body.empty());

  // The upload is recorded with its owner.
  soci::session sql(f.accounts.database().pool());
  long long owner = 0;
  sql << "SELECT uploaded_by FROM media WHERE id = :id", soci::use(id), soci::into(owner);
  CHECK(owner > 0);
}

TEST_CASE("PNG and WebP uploads are accepted and served with their own type") {
  MediaFixture f;
  const http::Response png = f.upload(make_png(300, 200, true), "image/png");
  REQUIRE(png.status == 201);
  CHECK(media_of(png)["content_type"] == "image/png");
  const std::string png_url = media_of(png)["url"];
  CHECK(f.get(png_url).headers.get("Content-Type") == "image/png");

  // The Content-Type header is not trusted: the content decides.
  const http::Response webp = f.upload(make_webp(300, 200), "application/octet-stream");
  REQUIRE(webp.status == 201);
  CHECK(media_of(webp)["content_type"] == "image/webp");
  CHECK(f.get(media_of(webp)["url"]).headers.get("Content-Type") == "image/webp");
  CHECK(f.media_rows() == 2);
}

TEST_CASE("a PDF sent as image/jpeg is refused with 415 and nothing is stored") {
  MediaFixture f;
  const std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n";
  const http::Response refused = f.upload(pdf, "image/jpeg");
  CHECK(refused.status == 415);
  CHECK(error_code(refused) == "unsupported_media");
  CHECK(nlohmann::json::parse(refused.body)["error"]["message"] ==
        "Tệp không phải là ảnh JPEG, PNG hoặc WebP.");
  CHECK(count_files(f.media_dir()) == 0);
  CHECK(f.media_rows() == 0);
}

TEST_CASE("an 11 MB upload is refused with 413 and nothing is stored") {
  MediaFixture f;
  std::string big = make_jpeg(64, 64);
  big.resize(11 * 1024 * 1024, '\0');
  const http::Response refused = f.upload(big);
  CHECK(refused.status == 413);
  CHECK(error_code(refused) == "too_large");
  CHECK(nlohmann::json::parse(refused.body)["error"]["message"] == "Ảnh vượt quá 10 MB.");
  CHECK(count_files(f.media_dir()) == 0);
  CHECK(f.media_rows() == 0);
}

TEST_CASE("uploads need a signed-in user") {
  MediaFixture f;
  const http::Response refused = f.upload(make_jpeg(100, 100), "image/jpeg", false);
  CHECK(refused.status == 401);
  CHECK(count_files(f.media_dir()) == 0);
}

TEST_CASE("the same photo uploaded twice keeps one id, one file and one row") {
  MediaFixture f;
  const std::string photo = make_jpeg(640, 480);
  const http::Response first = f.upload(photo);
  const http::Response second = f.upload(photo);
  REQUIRE(first.status == 201);
  REQUIRE(second.status == 201);
  CHECK(media_of(first)["id"] == media_of(second)["id"]);
  CHECK(count_files(f.media_dir()) == 1);
  CHECK(f.media_rows() == 1);
}

TEST_CASE("resized variants are made on first request, cached, and never enlarged") {
  MediaFixture f;
  const std::string id = media_of(f.upload(make_png(1600, 800, true), "image/png"))["id"];
  for (const int width : {320, 480, 960}) {
    const std::string target = "/media/" + id + "-w" + std::to_string(width) + ".jpg";
    const http::Response variant = f.get(target);
    REQUIRE_MESSAGE(variant.status == 200, target);
    CHECK(variant.headers.get("Content-Type") == "image/jpeg");
    CHECK(variant.headers.get("Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(variant.body.starts_with("\xFF\xD8\xFF"));
    CHECK(image_size(variant.body) == std::pair{width, width / 2});
    CHECK(fs::is_regular_file(f.media_dir() / id.substr(0, 2) /
                              (id + "-w" + std::to_string(width) + ".jpg")));
    CHECK(f.get(target).body == variant.body);  // from the disk cache the second time
  }
  CHECK(f.get("/media/" + id + "-w100.jpg").status == 404);
  CHECK(f.get("/media/" + id + "-w320.png").status == 404);

  const std::string small = media_of(f.upload(make_jpeg(200, 150)))["id"];
  CHECK(image_size(f.get("/media/" + small + "-w960.jpg").body) == std::pair{200, 150});
}

TEST_CASE("only stored photo names are served; traversal and guesses get 404") {
  MediaFixture f;
  const std::string id = media_of(f.upload(make_jpeg(100, 100)))["id"];
  std::string upper = id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& target : std::vector<std::string>{
           "/media/..%2F..%2Fapp.db", "/media/%2e%2e", "/media/" + id + ".png",
           "/media/" + id + ".jpg%2F..", "/media/" + upper + ".jpg", "/media/" + id + ".exe",
           "/media/" + std::string(64, '0') + ".jpg", "/media/" + id.substr(0, 63) + ".jpg",
           "/media/" + id + "-w320.jpg.jpg", "/media/" + id + "-w0320.jpg"}) {
    CHECK_MESSAGE(f.get(target).status == 404, target);
  }
  // Paths with more segments never reach the store; the site answers them, never with a file.
  const http::StaticFiles site;
  const http::Pipeline pipeline(f.router, site, {});
  for (const std::string& target : std::vector<std::string>{
           "/media/../app.db", "/media/" + id.substr(0, 2) + "/" + id + ".jpg"}) {
    http::Request request = make_request("GET", target);
    const http::Response answer = pipeline.handle(request);
    CHECK_MESSAGE((answer.status == 404 || answer.status == 400), target);
  }
}
