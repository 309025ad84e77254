#include "app/ui/qr_matrix.h"

#include <qrencode.h>

#include <memory>

namespace cdscb::app::ui {

QrMatrix qr_matrix(std::string_view text) {
  QrMatrix matrix;
  if (text.empty()) return matrix;
  // QRcode_encodeData: 8-bit (byte) mode for all of the text; version 0 = the smallest that fits.
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) return matrix;
  matrix.version = code->version;
  matrix.size = code->width;
  const std::size_t count = static_cast<std::size_t>(code->width) * code->width;
  matrix.dark.resize(count);
  // Each byte describes one module; its lowest bit is the colour (1 = dark).
  for (std::size_t i = 0; i < count; ++i) matrix.dark[i] = code->data[i] & 1;
  return matrix;
}

std::string qr_rows(const QrMatrix& matrix) {
  if (matrix.empty()) return {};
  const int side = matrix.size + 2 * kQrQuietZone;
  std::string rows;
  rows.reserve(static_cast<std::size_t>(side) * (side + 1));
  for (int y = 0; y < side; ++y) {
    if (y) rows += '\n';
    for (int x = 0; x < side; ++x) {
      const int mx = x - kQrQuietZone, my = y - kQrQuietZone;
      const bool inside = mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size;
      rows += inside && matrix.is_dark(mx, my) ? '1' : '0';
    }
  }
  return rows;
}

}  // namespace cdscb::app::ui
