#include "app/frame_pacer.h"

namespace cdscb::app {

bool FramePacer::should_render(bool had_input, bool animating) {
  if (had_input || take_wake_request()) frames_left_ = kSettleFrames;
  if (animating) frames_left_ = kSettleFrames;
  if (frames_left_ <= 0) {
    sleep_until_woken();
    return false;
  }
  --frames_left_;
  return true;
}

}  // namespace cdscb::app
