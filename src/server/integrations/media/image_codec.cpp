#include "integrations/media/image_codec.h"

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vips/vips8>

#include "integrations/media/media_store.h"

namespace cdscb::server::media {
namespace {

using vips::VImage;

// Bigger images are refused before decoding: a small compressed file can claim a huge canvas.
constexpr double kMaxPixels = 120e6;
constexpr int kJpegQuality = 82;
constexpr int kWebpQuality = 82;

constexpr char kNotAnImage[] = "Tệp không phải là ảnh JPEG, PNG hoặc WebP.";
constexpr char kTooManyPixels[] = "Ảnh có kích thước quá lớn.";

// libvips is initialised once per process, with a small operation cache and one thread per
// pipeline: uploads already run in parallel on the worker pool, and memory must stay bounded.
void ensure_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (vips_init("cdscb-server") != 0) throw std::runtime_error("libvips failed to start");
    vips_cache_set_max(8);
    vips_cache_set_max_mem(16 * 1024 * 1024);
    vips_cache_set_max_files(4);
    vips_concurrency_set(1);
  });
}

// Borrows `bytes` as a VipsBlob without copying; the caller keeps `bytes` alive until the
// pipeline that reads it has run.
struct BlobDeleter {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
std::unique_ptr<VipsBlob, BlobDeleter> borrow_blob(std::string_view bytes) {
  return std::unique_ptr<VipsBlob, BlobDeleter>(vips_blob_new(nullptr, bytes.data(), bytes.size()));
}

std::string save(const VImage& image, ImageFormat format) {
  void* buffer = nullptr;
  std::size_t size = 0;
  switch (format) {
    case ImageFormat::kJpeg:
      image.write_to_buffer(".jpg", &buffer, &size,
                            VImage::option()
                                ->set("Q", kJpegQuality)
                                ->set("strip", true)
                                ->set("optimize_coding", true));
      break;
    case ImageFormat::kPng:
      image.write_to_buffer(".png", &buffer, &size,
                            VImage::option()->set("strip", true)->set("compression", 6));
      break;
    case ImageFormat::kWebp:
      image.write_to_buffer(".webp", &buffer, &size,
                            VImage::option()->set("Q", kWebpQuality)->set("strip", true));
      break;
  }
  std::string out(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return out;
}

// sRGB (or grey) 8-bit, as every browser shows it; CMYK and 16-bit inputs are converted.
VImage to_display(VImage image) {
  const VipsInterpretation kind = image.interpretation();
  if (kind != VIPS_INTERPRETATION_sRGB && kind != VIPS_INTERPRETATION_B_W) {
    image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  }
  if (image.format() != VIPS_FORMAT_UCHAR) {
    image = image.cast(VIPS_FORMAT_UCHAR, VImage::option()->set("shift", true));
  }
  return image;
}

}  // namespace

std::optional<ImageFormat> sniff_format(std::string_view bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xFF\xD8\xFF", 3) == 0) {
    return ImageFormat::kJpeg;
  }
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1A\n", 8) == 0) {
    return ImageFormat::kPng;
  }
  if (bytes.size() >= 12 && std::memcmp(bytes.data(), "RIFF", 4) == 0 &&
      std::memcmp(bytes.data() + 8, "WEBP", 4) == 0) {
    return ImageFormat::kWebp;
  }
  return std::nullopt;
}

const char* extension_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::kJpeg:
      return "jpg";
    case ImageFormat::kPng:
      return "png";
    case ImageFormat::kWebp:
      return "webp";
  }
  return "bin";
}

const char* content_type_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::kJpeg:
      return "image/jpeg";
    case ImageFormat::kPng:
      return "image/png";
    case ImageFormat::kWebp:
      return "image/webp";
  }
  return "application/octet-stream";
}

std::optional<ImageFormat> format_of_extension(std::string_view ext) {
  if (ext == "jpg") return ImageFormat::kJpeg;
  if (ext == "png") return ImageFormat::kPng;
  if (ext == "webp") return ImageFormat::kWebp;
  return std::nullopt;
}

EncodedImage clean_image(std::string_view bytes, ImageFormat format, int max_side) {
  ensure_vips();
  try {
    // The loader libvips picks must be the one the magic bytes named (no SVG, PDF, … behind a
    // JPEG signature), and a truncated or corrupt file is an error, not a grey rectangle.
    const auto blob = borrow_blob(bytes);
    const VImage header = VImage::new_from_buffer(
        bytes.data(), bytes.size(), "", VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    const char* loader = nullptr;
    if (vips_image_get_string(header.get_image(), VIPS_META_LOADER, &loader) != 0 || !loader) {
      throw MediaError(415, "unsupported_media", kNotAnImage);
    }
    const std::string_view name(loader);
    const bool matches = (format == ImageFormat::kJpeg && name.starts_with("jpegload")) ||
                         (format == ImageFormat::kPng && name.starts_with("pngload")) ||
                         (format == ImageFormat::kWebp && name.starts_with("webpload"));
    if (!matches) throw MediaError(415, "unsupported_media", kNotAnImage);
    if (static_cast<double>(header.width()) * header.height() > kMaxPixels) {
      throw MediaError(413, "too_large", kTooManyPixels);
    }
    // thumbnail applies the EXIF orientation and shrinks on load where the format allows it.
    VImage image = VImage::thumbnail_buffer(blob.get(), max_side,
                                            VImage::option()
                                                ->set("height", max_side)
                                                ->set("size", VIPS_SIZE_DOWN)
                                                ->set("option_string", "fail_on=truncated"));
    image = to_display(image);
    EncodedImage out;
    out.bytes = save(image, format);
    out.format = format;
    out.width = image.width();
    out.height = image.height();
    return out;
  } catch (const vips::VError&) {
    vips_error_clear();
    throw MediaError(415, "unsupported_media", kNotAnImage);
  }
}

std::string jpeg_variant(const std::filesystem::path& original, int width) {
  ensure_vips();
  try {
    VImage image =
        VImage::thumbnail(original.c_str(), width,
                          VImage::option()->set("height", 100000)->set("size", VIPS_SIZE_DOWN));
    image = to_display(image);
    if (image.has_alpha()) {
      image =
          image.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
      image = image.cast(VIPS_FORMAT_UCHAR);
    }
    return save(image, ImageFormat::kJpeg);
  } catch (const vips::VError& e) {
    vips_error_clear();
    throw std::runtime_error(std::string("cannot make a variant: ") + e.what());
  }
}

}  // namespace cdscb::server::media
