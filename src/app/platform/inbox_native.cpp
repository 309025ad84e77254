#include "app/platform/inbox.h"

namespace cdscb::app::platform {

Inbox& inbox() {
  static Inbox the_inbox;
  return the_inbox;
}

}  // namespace cdscb::app::platform
