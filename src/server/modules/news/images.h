// What the news module needs from the photo store: links to stored images (covers, thumbnails)
// and storing the images it fetches from feeds. media_images.cpp adapts the MediaStore to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cdscb::server::news {

struct StoredImageRef {
  std::string id;  // sha256 hex
  int width = 0;
  int height = 0;
};

class Images {
 public:
  virtual ~Images() = default;
  virtual bool exists(std::string_view id) const = 0;
  virtual std::string url_of(std::string_view id) const = 0;
  // A JPEG at most `width` px wide (320, 480 or 960).
  virtual std::string variant_url(std::string_view id, int width) const = 0;
  // Stores image bytes; nullopt when they are not an image the store accepts.
  virtual std::optional<StoredImageRef> store(std::string_view bytes) = 0;
};

// Thumbnail width for lists and width for images inside an article.
inline constexpr int kThumbWidth = 480;
inline constexpr int kBodyImageWidth = 960;

}  // namespace cdscb::server::news
