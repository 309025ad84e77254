// The libvips side of the photo store: recognise a format by its magic bytes, then decode,
// rotate upright, shrink and re-encode without metadata. Kept apart from media_store.cpp so the
// file layout and the image work can be read (and tested) separately.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::server::media {

enum class ImageFormat { kJpeg, kPng, kWebp };

// The format the content claims by its first bytes (JPEG FF D8 FF, PNG's 8-byte signature,
// WebP "RIFF....WEBP"); nullopt for anything else, whatever its name or Content-Type.
std::optional<ImageFormat> sniff_format(std::string_view bytes);

const char* extension_of(ImageFormat format);     // "jpg", "png", "webp"
const char* content_type_of(ImageFormat format);  // "image/jpeg", …
std::optional<ImageFormat> format_of_extension(std::string_view ext);

struct EncodedImage {
  std::string bytes;
  ImageFormat format = ImageFormat::kJpeg;
  int width = 0;
  int height = 0;
};

// Decodes `bytes` (already sniffed as `format`), applies the EXIF orientation, caps the long side
// at `max_side` and re-encodes in the same format with every metadata block stripped. Throws
// MediaError 415 when libvips cannot decode it, 413 for absurd pixel dimensions.
EncodedImage clean_image(std::string_view bytes, ImageFormat format, int max_side);

// A JPEG at most `width` px wide (never enlarged) of the stored photo at `original`, alpha
// flattened onto white, no metadata. Throws std::runtime_error when the file cannot be decoded.
std::string jpeg_variant(const std::filesystem::path& original, int width);

}  // namespace cdscb::server::media
