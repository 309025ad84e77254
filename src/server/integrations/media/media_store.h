// The server's photo store (feedback and news photos; dossiers' private files apart, below). An
// upload is checked by its content (JPEG, PNG or WebP magic bytes, then decoded by libvips), turned
// upright by its EXIF orientation, shrunk to at most 1600 px on its long side and re-encoded
// without any metadata (EXIF, GPS, XMP, ICC). The result is stored under <root>/<first 2
// hex>/<sha256>.<ext>, named by the SHA-256 of the stored bytes, so the same photo uploaded twice
// is one file with one id. Other modules keep only the id (64 lower-case hex digits) in their rows
// and check it with exists(). Thread-safe: files are written to a temporary name and renamed into
// place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::server::media {

// Largest upload accepted, in bytes (10 MB).
inline constexpr std::size_t kMaxUploadBytes = 10 * 1024 * 1024;
// Long side of a stored photo, in pixels.
inline constexpr int kMaxSide = 1600;
// Widths of the JPEG variants served at /media/<id>-w<N>.jpg.
inline constexpr int kVariantWidths[] = {320, 480, 960};

struct StoredImage {
  std::string id;            // SHA-256 of the stored bytes, 64 lower-case hex digits
  std::string url;           // "/media/<id>.<ext>"
  std::string content_type;  // "image/jpeg", "image/png" or "image/webp"
  int width = 0;
  int height = 0;
  std::size_t bytes = 0;
};

// A stored file ready to serve.
struct MediaFile {
  std::filesystem::path path;
  std::string content_type;
  std::string etag;  // quoted, e.g. "\"<id>-w320\""
};

// What store() throws for an upload it refuses; `status` and `code` are the HTTP answer the
// contract names (413 "too_large", 415 "unsupported_media"), `message` is Vietnamese.
class MediaError : public std::exception {
 public:
  MediaError(int status, std::string code, std::string message)
      : status_(status), code_(std::move(code)), message_(std::move(message)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const char* what() const noexcept override { return code_.c_str(); }

 private:
  int status_;
  std::string code_;
  std::string message_;
};

class MediaStore {
 public:
  // `root` is <data-dir>/media; created when missing.
  explicit MediaStore(std::filesystem::path root);

  // Checks, cleans and stores `bytes`. Throws MediaError: 413 "too_large" past kMaxUploadBytes
  // (or absurd pixel dimensions), 415 "unsupported_media" when not a real JPEG, PNG or WebP.
  StoredImage store(std::string_view bytes) const;

  // Private files: the papers of dossiers, officials' results, "Kho giấy tờ". They are personal
  // data, so they live apart, under <root>/private/<first 2 hex>/<id>.<ext>, where open() (the
  // public /media/ route) never looks: it only knows <root>/<2 hex>/, and "private" is not two
  // hex digits. Serving them is the keeping module's business (its own authorisation). A photo
  // is cleaned as store() does; `url` is empty (there is no public one).
  StoredImage store_private(std::string_view bytes) const;
  // A PDF: checked by content (the "%PDF-" header, an "%%EOF" trailer and at least one page
  // object), at most kMaxUploadBytes, stored privately as sent under <id>.pdf (id = SHA-256 of
  // the bytes; width and height 0). Throws MediaError 413 "too_large", 415 "unsupported_media".
  StoredImage store_pdf(std::string_view bytes) const;
  // "image" or "pdf" for a stored private file, "" when there is none.
  std::string kind_of(std::string_view id) const;
  // The private file `id` ready to serve (its path and content type); nullopt when there is none.
  std::optional<MediaFile> open_private(std::string_view id) const;

  // Whether `id` names a stored photo; false for anything that is not 64 lower-case hex digits.
  bool exists(std::string_view id) const;
  // "/media/<id>.<ext>" of a stored photo; empty when there is none.
  std::string url_of(std::string_view id) const;
  // "/media/<id>-w<width>.jpg" (made on first request); `width` should be one of
  // kVariantWidths; empty when the photo does not exist or the width is not offered.
  std::string variant_url(std::string_view id, int width) const;

  // The file for a /media/ name ("<id>.<ext>" or "<id>-w<N>.jpg"), making the variant on first
  // request; nullopt for a malformed name, an unknown id or a width not offered.
  std::optional<MediaFile> open(std::string_view name) const;

  // Deletes the photo `id`, its variants and its private copy; false when there was nothing to
  // delete. For the purge of photos nothing refers to (modules/media/purge.h).
  bool remove(std::string_view id) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace cdscb::server::media
