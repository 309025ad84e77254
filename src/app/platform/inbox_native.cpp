#include "app/platform/inbox.h"

namespace platform {

Inbox& inbox() {
  static Inbox the_inbox;
  return the_inbox;
}

}  // namespace platform
