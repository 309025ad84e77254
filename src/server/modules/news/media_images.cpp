#include "modules/news/media_images.h"

#include "util/log.h"

namespace cdscb::server::news {

std::optional<StoredImageRef> MediaImages::store(std::string_view bytes) {
  try {
    const media::StoredImage stored = store_.store(bytes);
    return StoredImageRef{stored.id, stored.width, stored.height};
  } catch (const media::MediaError& e) {
    util::log_warn("news: image refused by the media store: " + e.code());
    return std::nullopt;
  }
}

}  // namespace cdscb::server::news
