#include "integrations/media/media_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "integrations/media/image_codec.h"
#include "security/crypto.h"

namespace cdscb::server::media {
namespace {

namespace fs = std::filesystem;

constexpr char kTooLarge[] = "Ảnh vượt quá 10 MB.";
constexpr char kNotAnImage[] = "Tệp không phải là ảnh JPEG, PNG hoặc WebP.";
constexpr char kPdfTooLarge[] = "Tệp vượt quá 10 MB.";
constexpr char kNotAPdf[] = "Tệp không phải là tài liệu PDF hợp lệ.";

bool is_id(std::string_view id) {
  return id.size() == 64 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_offered_width(int width) {
  return std::find(std::begin(kVariantWidths), std::end(kVariantWidths), width) !=
         std::end(kVariantWidths);
}

// Writes `bytes` to a unique temporary file beside `target`, flushes it and renames it into
// place, so a reader never sees half a file and two writers of the same name never collide.
void write_atomically(const fs::path& target, std::string_view bytes) {
  fs::create_directories(target.parent_path());
  const fs::path temp = target.parent_path() / ("." + target.filename().string() + "." +
                                                security::random_token(9) + ".tmp");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + temp.string());
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      throw std::system_error(error, std::generic_category(), "write " + temp.string());
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw std::system_error(error, std::generic_category(), "flush " + temp.string());
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw std::system_error(error, std::generic_category(), "rename to " + target.string());
  }
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// Checks and cleans an uploaded photo and writes it under `dir`.
StoredImage store_image(const fs::path& dir, std::string_view bytes) {
  if (bytes.size() > kMaxUploadBytes) throw MediaError(413, "too_large", kTooLarge);
  const auto format = sniff_format(bytes);
  if (!format) throw MediaError(415, "unsupported_media", kNotAnImage);
  EncodedImage image = clean_image(bytes, *format, kMaxSide);

  StoredImage stored;
  stored.id = security::sha256_hex(image.bytes);
  stored.url = "/media/" + stored.id + "." + extension_of(image.format);
  stored.content_type = content_type_of(image.format);
  stored.width = image.width;
  stored.height = image.height;
  stored.bytes = image.bytes.size();
  const fs::path target =
      dir / stored.id.substr(0, 2) / (stored.id + "." + extension_of(image.format));
  if (!is_file(target)) write_atomically(target, image.bytes);
  return stored;
}

constexpr char kPrivateDir[] = "private";

}  // namespace

MediaStore::MediaStore(fs::path root) : root_(std::move(root)) { fs::create_directories(root_); }

StoredImage MediaStore::store(std::string_view bytes) const { return store_image(root_, bytes); }

StoredImage MediaStore::store_private(std::string_view bytes) const {
  StoredImage stored = store_image(root_ / kPrivateDir, bytes);
  stored.url.clear();
  return stored;
}

StoredImage MediaStore::store_pdf(std::string_view bytes) const {
  if (bytes.size() > kMaxUploadBytes) throw MediaError(413, "too_large", kPdfTooLarge);
  const std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  const bool pdf = (bytes.starts_with("%PDF-1.") || bytes.starts_with("%PDF-2.")) &&
                   tail.find("%%EOF") != std::string_view::npos &&
                   (bytes.find("/Type /Page") != std::string_view::npos ||
                    bytes.find("/Type/Page") != std::string_view::npos);
  if (!pdf) throw MediaError(415, "unsupported_media", kNotAPdf);
  StoredImage stored;
  stored.id = security::sha256_hex(bytes);
  stored.content_type = "application/pdf";
  stored.bytes = bytes.size();
  const fs::path target = root_ / kPrivateDir / stored.id.substr(0, 2) / (stored.id + ".pdf");
  if (!is_file(target)) write_atomically(target, bytes);
  return stored;
}

std::optional<MediaFile> MediaStore::open_private(std::string_view id) const {
  if (!is_id(id)) return std::nullopt;
  const fs::path dir = root_ / kPrivateDir / std::string(id.substr(0, 2));
  const std::string etag = "\"" + std::string(id) + "\"";
  for (const ImageFormat format : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp}) {
    const fs::path path = dir / (std::string(id) + "." + extension_of(format));
    if (is_file(path)) return MediaFile{path, content_type_of(format), etag};
  }
  const fs::path pdf = dir / (std::string(id) + ".pdf");
  if (is_file(pdf)) return MediaFile{pdf, "application/pdf", etag};
  return std::nullopt;
}

std::string MediaStore::kind_of(std::string_view id) const {
  const auto file = open_private(id);
  if (!file) return {};
  return file->content_type == "application/pdf" ? "pdf" : "image";
}

bool MediaStore::exists(std::string_view id) const { return !url_of(id).empty(); }

std::string MediaStore::url_of(std::string_view id) const {
  if (!is_id(id)) return {};
  const fs::path dir = root_ / std::string(id.substr(0, 2));
  for (const ImageFormat format : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp}) {
    const std::string name = std::string(id) + "." + extension_of(format);
    if (is_file(dir / name)) return "/media/" + name;
  }
  return {};
}

std::string MediaStore::variant_url(std::string_view id, int width) const {
  if (!is_offered_width(width) || !exists(id)) return {};
  return "/media/" + std::string(id) + "-w" + std::to_string(width) + ".jpg";
}

std::optional<MediaFile> MediaStore::open(std::string_view name) const {
  if (name.size() < 64 + 4) return std::nullopt;
  const std::string_view id = name.substr(0, 64);
  if (!is_id(id)) return std::nullopt;
  const std::string_view rest = name.substr(64);
  const fs::path dir = root_ / std::string(id.substr(0, 2));
  if (rest.starts_with(".")) {
    const auto format = format_of_extension(rest.substr(1));
    if (!format) return std::nullopt;
    const fs::path path = dir / std::string(name);
    if (!is_file(path)) return std::nullopt;
    return MediaFile{path, content_type_of(*format), "\"" + std::string(id) + "\""};
  }
  // "-w<N>.jpg"
  if (!rest.starts_with("-w") || !rest.ends_with(".jpg")) return std::nullopt;
  const std::string_view digits = rest.substr(2, rest.size() - 2 - 4);
  int width = 0;
  for (const int offered : kVariantWidths) {
    if (digits == std::to_string(offered)) width = offered;
  }
  if (width == 0) return std::nullopt;
  const std::string url = url_of(id);
  if (url.empty()) return std::nullopt;
  const fs::path variant = dir / std::string(name);
  if (!is_file(variant)) {
    const fs::path original = dir / url.substr(std::string_view("/media/").size());
    write_atomically(variant, jpeg_variant(original, width));
  }
  return MediaFile{variant, "image/jpeg",
                   "\"" + std::string(id) + "-w" + std::to_string(width) + "\""};
}

bool MediaStore::remove(std::string_view id) const {
  if (!is_id(id)) return false;
  const fs::path dir = root_ / std::string(id.substr(0, 2));
  bool removed = false;
  std::vector<std::string> names;
  for (const ImageFormat format : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kWebp}) {
    names.push_back(std::string(id) + "." + extension_of(format));
  }
  for (const int width : kVariantWidths) {
    names.push_back(std::string(id) + "-w" + std::to_string(width) + ".jpg");
  }
  const fs::path private_dir = root_ / kPrivateDir / std::string(id.substr(0, 2));
  for (const std::string& name : names) {
    std::error_code ec;
    removed = fs::remove(dir / name, ec) || removed;
    removed = fs::remove(private_dir / name, ec) || removed;
  }
  std::error_code ec;
  removed = fs::remove(private_dir / (std::string(id) + ".pdf"), ec) || removed;
  return removed;
}

}  // namespace cdscb::server::media
