// The photo store on a temporary directory: what is stored, under which name, and what is
// refused.
#include "integrations/media/media_store.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "integrations/media_test_support.h"
#include "test_support.h"

namespace fs = std::filesystem;
using cdscb::server::media::MediaError;
using cdscb::server::media::MediaStore;
using namespace cdscb::server::testing;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::size_t count_files(const fs::path& root) {
  std::size_t n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) n += entry.is_regular_file();
  return n;
}

int refused_status(const MediaStore& store, std::string_view bytes) {
  try {
    store.store(bytes);
  } catch (const MediaError& e) {
    return e.status();
  }
  return 0;
}

}  // namespace

TEST_CASE("a JPEG with EXIF GPS is stored upright, smaller and without any metadata") {
  const TempDir dir;
  const MediaStore store(dir.path() / "media");
  // Orientation 6: the camera was turned; the stored photo must be rotated to stand upright.
  const std::string upload = with_exif_gps(make_jpeg(3200, 2000), 6);
  REQUIRE(has_jpeg_metadata(upload));
  REQUIRE(vips_has_field(upload, "exif-data"));

  const auto stored = store.store(upload);
  CHECK(stored.id.size() == 64);
  CHECK(stored.content_type == "image/jpeg");
  CHECK(stored.url == "/media/" + stored.id + ".jpg");
  CHECK(stored.width == 1000);
  CHECK(stored.height == 1600);

  const fs::path file = dir.path() / "media" / stored.id.substr(0, 2) / (stored.id + ".jpg");
  REQUIRE(fs::is_regular_file(file));
  const std::string bytes = read_all(file);
  CHECK(bytes.size() == stored.bytes);
  CHECK_FALSE(has_jpeg_metadata(bytes));
  CHECK_FALSE(vips_has_field(bytes, "exif-data"));
  CHECK(bytes.find("Exif") == std::string::npos);
  CHECK(bytes.find("SpyCam") == std::string::npos);
  CHECK(image_size(bytes) == std::pair{1000, 1600});

  CHECK(store.exists(stored.id));
  CHECK(store.url_of(stored.id) == stored.url);
  CHECK(store.variant_url(stored.id, 320) == "/media/" + stored.id + "-w320.jpg");
  CHECK(store.variant_url(stored.id, 321).empty());
}

TEST_CASE("the same photo stored twice is one file with one id") {
  const TempDir dir;
  const MediaStore store(dir.path() / "media");
  const std::string upload = make_jpeg(800, 600);
  const auto first = store.store(upload);
  const auto second = store.store(upload);
  CHECK(first.id == second.id);
  CHECK(count_files(dir.path() / "media") == 1);
  CHECK(first.width == 800);  // small photos are not enlarged
}

TEST_CASE("PNG and WebP are kept in their format") {
  const TempDir dir;
  const MediaStore store(dir.path() / "media");
  const auto png = store.store(make_png(2400, 1200, true));
  CHECK(png.content_type == "image/png");
  CHECK(png.url.ends_with(".png"));
  CHECK(png.width == 1600);
  CHECK(png.height == 800);
  const auto webp = store.store(make_webp(500, 400));
  CHECK(webp.content_type == "image/webp");
  CHECK(webp.url.ends_with(".webp"));
  CHECK(store.exists(webp.id));
}

TEST_CASE("anything but a real JPEG, PNG or WebP is refused and nothing is written") {
  const TempDir dir;
  const MediaStore store(dir.path() / "media");
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
  CHECK(refused_status(store, pdf) == 415);
  // A JPEG signature in front of garbage, and a truncated PNG.
  CHECK(refused_status(store, "\xFF\xD8\xFF\xE0garbage-not-a-jpeg") == 415);
  CHECK(refused_status(store, make_png(100, 100).substr(0, 60)) == 415);
  CHECK(refused_status(store, "RIFF\x10\0\0\0WEBPVP8 nonsense") == 415);
  CHECK(refused_status(store, "") == 415);
  CHECK(refused_status(store, std::string(11 * 1024 * 1024, '\xFF')) == 413);
  CHECK(count_files(dir.path() / "media") == 0);
}

TEST_CASE("exists and url_of accept only 64 lower-case hex digits") {
  const TempDir dir;
  const MediaStore store(dir.path() / "media");
  CHECK_FALSE(store.exists(std::string(64, 'a')));
  CHECK_FALSE(store.exists("../../etc/passwd"));
  CHECK_FALSE(store.exists(std::string(64, 'A')));
  CHECK(store.url_of("").empty());
}
