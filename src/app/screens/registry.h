#pragma once
#include <map>
#include <memory>

#include "app/screens/screen.h"
#include "core/routes.h"

namespace cdscb::app::screens {

// One instance of every screen, by the route's screen.
std::map<core::Screen, std::unique_ptr<Screen>> make_all();

}  // namespace cdscb::app::screens
