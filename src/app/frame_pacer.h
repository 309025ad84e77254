#pragma once
// Power save: the app renders only when something changed (input, a reply from the page or the
// network, an animation). After a few settling frames with nothing new, the frame loop sleeps
// (the browser's main loop is paused) until platform::request_wake().
namespace cdscb::app {

class FramePacer {
 public:
  // Decides whether this loop iteration renders. Returns false when the app should stay idle.
  bool should_render(bool had_input, bool animating);
  void rendered() { ++frames_rendered_; }
  unsigned frames_rendered() const { return frames_rendered_; }

 private:
  static constexpr int kSettleFrames = 3;  // ImGui needs a couple of frames to settle after input
  int frames_left_ = kSettleFrames;
  unsigned frames_rendered_ = 0;
};

// Loop control, implemented per platform: sleep until woken.
void sleep_until_woken();
// Consumes a pending wake request.
bool take_wake_request();

}  // namespace cdscb::app
