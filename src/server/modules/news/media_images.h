// The news module's Images on the server's MediaStore.
#pragma once

#include "integrations/media/media_store.h"
#include "modules/news/images.h"

namespace cdscb::server::news {

class MediaImages : public Images {
 public:
  explicit MediaImages(media::MediaStore store) : store_(std::move(store)) {}
  bool exists(std::string_view id) const override { return store_.exists(id); }
  std::string url_of(std::string_view id) const override { return store_.url_of(id); }
  std::string variant_url(std::string_view id, int width) const override {
    return store_.variant_url(id, width);
  }
  std::optional<StoredImageRef> store(std::string_view bytes) override;

 private:
  media::MediaStore store_;
};

}  // namespace cdscb::server::news
