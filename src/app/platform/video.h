#pragma once
// A camera stream (HLS through hls.js, or native HLS) in a <video> over a reserved rectangle.
// The bridge (web/video.js) retries an outage by itself, downloads nothing while the video is not
// shown or paused, and resumes at the live edge. Each change of its state sends a reply with the
// id "video-state:<video id>"; state() reads the current one.
#include <string>
#include <string_view>

#include "app/platform/overlay.h"

namespace cdscb::app::platform::video {

struct Options {
  std::string label;         // the video's accessible name (the camera's name)
  std::string offline_text;  // shown over the last frame while the stream is down
  bool data_saver = false;  // lock the lowest rendition ("Tiết kiệm dữ liệu"); else automatic
  bool paused = false;
  bool operator==(const Options&) const = default;
};

struct State {
  bool playing = false;
  bool paused = false;   // also when paused by the browser's own controls
  bool offline = false;  // the stream failed; the bridge is retrying
  int height = 0;        // the rendition shown (360, 720), 0 while unknown
};

void place(std::string_view id, const OverlayPlacement& placement, std::string_view stream_url,
           const Options& options);
// Hides the video and stops every download of its stream at once.
void hide(std::string_view id);
void fullscreen(std::string_view id);
State state(std::string_view id);
// Whether the browser says data is dear (Save-Data, a cellular or 2g/3g link).
bool prefers_data_saver();

}  // namespace cdscb::app::platform::video
