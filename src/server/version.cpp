#include "version.h"

#ifndef CDSCB_SERVER_VERSION
#error "CDSCB_SERVER_VERSION must be defined by the build"
#endif

namespace cdscb::server {

std::string_view server_version() { return CDSCB_SERVER_VERSION; }

}  // namespace cdscb::server
