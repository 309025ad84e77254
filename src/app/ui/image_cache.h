#pragma once
// Pictures drawn on the canvas (news covers, article images), loaded on first use and kept as GPU
// textures. A screen asks for an image by URL every frame it shows it; while it loads (or when it
// cannot, offline) the screen draws a placeholder. Textures not drawn for a while are freed once
// the cache passes its memory budget, so a long scroll through the news does not fill a phone's
// GPU memory.
#include <imgui.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace cdscb::app::ui {

class ImageCache {
 public:
  struct Image {
    ImTextureID texture = nullptr;
    int width = 0;
    int height = 0;
  };
  enum class State { kLoading, kReady, kFailed };

  // The image when ready; starts loading on first request. Call every frame it is shown.
  const Image* get(const std::string& url, int max_width, State* state = nullptr);
  // Returns true when the reply belonged to one of this cache's loads.
  bool deliver(const std::string& request_id, std::string_view reply_json);
  // Frees least recently drawn textures above the budget; call once per frame after drawing.
  void end_frame();
  size_t bytes() const { return bytes_; }

  static constexpr size_t kBudgetBytes = 48u << 20;  // RGBA, about 80 list thumbnails
  static constexpr int kMaxLoading = 6;

 private:
  struct Entry {
    State state = State::kLoading;
    Image image;
    std::string request_id;
    int max_width = 0;
    unsigned long long last_used = 0;
  };
  void start(const std::string& url, Entry& entry);

  std::map<std::string, Entry> entries_;
  std::map<std::string, std::string> loading_;  // request id → url
  unsigned long long frame_ = 0;
  size_t bytes_ = 0;
};

}  // namespace cdscb::app::ui
