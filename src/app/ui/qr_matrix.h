#pragma once
// The modules of a QR code, from libqrencode (Debian's, built for WebAssembly by scripts/setup):
// a well-kept encoder, never one written here. Byte mode and error correction level M, what
// banks print on VietQR codes; the smallest version that holds the text.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::app::ui {

struct QrMatrix {
  int version = 0;                 // 1…40; 0 when the text could not be encoded
  int size = 0;                    // modules per side, quiet zone not included
  std::vector<std::uint8_t> dark;  // size × size, row by row; 1 = a dark module

  bool empty() const { return size == 0; }
  bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
};

// The quiet zone the QR standard asks around the code, in modules on each side.
inline constexpr int kQrQuietZone = 4;

QrMatrix qr_matrix(std::string_view text);

// Rows of '1' (dark) and '0' joined by '\n', the quiet zone included: what the page turns into
// a PNG for "Lưu mã QR".
std::string qr_rows(const QrMatrix& matrix);

}  // namespace cdscb::app::ui
