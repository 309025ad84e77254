// The desktop build shows the reserved frame without the picture.
#include "app/platform/image.h"

namespace platform::image {

void place(std::string_view, const OverlayPlacement&, std::string_view) {}
void hide(std::string_view) {}

}  // namespace platform::image
