#pragma once
// A QR code drawn with ImGui: dark modules on white with the standard quiet zone, each module a
// whole number of device pixels so a camera (or zbarimg on a screenshot) reads it cleanly. The
// DOM mirror reports it as an image with `name`.
#include "app/app_context.h"
#include "app/ui/qr_matrix.h"

namespace cdscb::app::ui {

// Centred in the column, at most `max_side` wide; draws nothing for an empty matrix.
void qr_code(AppContext& ctx, const char* id, const char* name, const QrMatrix& matrix,
             float max_side);

}  // namespace cdscb::app::ui
