#include "integrations/media_test_support.h"

#include <cstdint>
#include <stdexcept>
#include <vips/vips8>

namespace cdscb::server::testing {
namespace {

using vips::VImage;

VImage gradient(int width, int height, int bands) {
  // x and y ramps in the first two bands, a constant in the rest: not a flat colour.
  const VImage xy = VImage::xyz(width, height);
  VImage r = (xy[0] * (255.0 / width)).cast(VIPS_FORMAT_UCHAR);
  VImage g = (xy[1] * (255.0 / height)).cast(VIPS_FORMAT_UCHAR);
  VImage image = r.bandjoin(g).bandjoin((r + g) / 2).cast(VIPS_FORMAT_UCHAR);
  if (bands == 4) image = image.bandjoin_const({200});
  return image.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

std::string to_buffer(const VImage& image, const char* suffix) {
  void* buffer = nullptr;
  std::size_t size = 0;
  image.write_to_buffer(suffix, &buffer, &size);
  std::string out(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return out;
}

void put16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8));
}
void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void entry(std::string& out, std::uint16_t tag, std::uint16_t type, std::uint32_t count,
           std::uint32_t value) {
  put16(out, tag);
  put16(out, type);
  put32(out, count);
  put32(out, value);
}

}  // namespace

std::string make_jpeg(int width, int height) {
  if (vips_init("server_tests") != 0) throw std::runtime_error("vips_init");
  return to_buffer(gradient(width, height, 3), ".jpg");
}

std::string make_png(int width, int height, bool alpha) {
  if (vips_init("server_tests") != 0) throw std::runtime_error("vips_init");
  return to_buffer(gradient(width, height, alpha ? 4 : 3), ".png");
}

std::string make_webp(int width, int height) {
  if (vips_init("server_tests") != 0) throw std::runtime_error("vips_init");
  return to_buffer(gradient(width, height, 3), ".webp");
}

std::string with_exif_gps(std::string_view jpeg, int orientation) {
  // Little-endian TIFF: header (8), IFD0 with 3 entries (2 + 36 + 4 = 42) at 8, then the Make
  // string at 50, the GPS IFD with 4 entries (2 + 48 + 4 = 54) at 58, the two rationals'
  // values (24 bytes each) at 112 and 136.
  std::string tiff = "II";
  put16(tiff, 42);
  put32(tiff, 8);
  put16(tiff, 3);
  entry(tiff, 0x010F, 2, 8, 50);                                       // Make, ASCII at 50
  entry(tiff, 0x0112, 3, 1, static_cast<std::uint32_t>(orientation));  // Orientation, SHORT
  entry(tiff, 0x8825, 4, 1, 58);                                       // GPS IFD pointer
  put32(tiff, 0);
  tiff += std::string("SpyCam\0\0", 8);  // 50..58
  put16(tiff, 4);
  entry(tiff, 0x0001, 2, 2, 'N');  // GPSLatitudeRef "N"
  entry(tiff, 0x0002, 5, 3, 112);  // GPSLatitude
  entry(tiff, 0x0003, 2, 2, 'E');  // GPSLongitudeRef "E"
  entry(tiff, 0x0004, 5, 3, 136);  // GPSLongitude
  put32(tiff, 0);
  for (const std::uint32_t v : {22u, 1u, 39u, 1u, 576u, 10u}) put32(tiff, v);   // 22 39 57.6
  for (const std::uint32_t v : {106u, 1u, 15u, 1u, 288u, 10u}) put32(tiff, v);  // 106 15 28.8
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const std::size_t length = payload.size() + 2;
  std::string segment = "\xFF\xE1";
  segment.push_back(static_cast<char>(length >> 8));
  segment.push_back(static_cast<char>(length & 0xFF));
  segment += payload;
  return std::string(jpeg.substr(0, 2)) + segment + std::string(jpeg.substr(2));
}

bool has_jpeg_metadata(std::string_view jpeg) {
  // Walk the marker segments up to the start of scan.
  std::size_t at = 2;
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    const auto marker = static_cast<unsigned char>(jpeg[at + 1]);
    if (marker == 0xDA) break;
    const std::size_t length =
        (static_cast<unsigned char>(jpeg[at + 2]) << 8) | static_cast<unsigned char>(jpeg[at + 3]);
    const std::string_view body = jpeg.substr(at + 4, length - 2);
    if (marker == 0xE1) return true;  // Exif or XMP
    if (marker == 0xE2 && body.starts_with("ICC_PROFILE")) return true;
    at += 2 + length;
  }
  return false;
}

bool vips_has_field(std::string_view bytes, const char* field) {
  const VImage image = VImage::new_from_buffer(bytes.data(), bytes.size(), "");
  return vips_image_get_typeof(image.get_image(), field) != 0;
}

std::pair<int, int> image_size(std::string_view bytes) {
  const VImage image = VImage::new_from_buffer(bytes.data(), bytes.size(), "");
  return {image.width(), image.height()};
}

}  // namespace cdscb::server::testing
