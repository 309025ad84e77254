// The VietQR matrix comes from libqrencode; these check what the app relies on: byte mode at
// level M in the smallest version that holds the text, the standard's finder patterns, and the
// quiet zone in what "Lưu mã QR" saves. That a camera reads it back is the e2e's job (zbarimg).
#include "app/ui/qr_matrix.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/vietqr.h"

using namespace cdscb;
using namespace cdscb::app;

namespace {

// The 15 format bits next to the top-left finder (ISO/IEC 18004 §7.9), unmasked: bits 14–13
// are the error correction level (M = 00), 12–10 the data mask.
int format_bits(const ui::QrMatrix& m) {
  int bits = 0;
  const auto push = [&](int x, int y) { bits = (bits << 1) | (m.is_dark(x, y) ? 1 : 0); };
  for (int x = 0; x <= 5; ++x) push(x, 8);
  push(7, 8);
  push(8, 8);
  push(8, 7);
  for (int y = 5; y >= 0; --y) push(8, y);
  return bits ^ 0x5412;
}

// The same 15 bits as the second copy holds them (below the top-right finder's row 8 and beside
// the bottom-left finder's column 8).
int second_format_bits(const ui::QrMatrix& m) {
  int bits = 0;
  const int n = m.size;
  for (int y = n - 1; y >= n - 7; --y) bits = (bits << 1) | (m.is_dark(8, y) ? 1 : 0);
  for (int x = n - 8; x < n; ++x) bits = (bits << 1) | (m.is_dark(x, 8) ? 1 : 0);
  return bits ^ 0x5412;
}

// A finder pattern: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre.
bool finder_at(const ui::QrMatrix& m, int left, int top) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
      const bool dark = ring != 2;
      if (m.is_dark(left + x, top + y) != dark) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a VietQR payload is encoded in byte mode at level M, in the smallest version") {
  const auto payload = core::vietqr_payload({"970415", "113000006868", 801470, "CDS2612020001"});
  REQUIRE(payload);
  // 124 bytes: more than version 7-M holds in byte mode (122), within version 8-M (152).
  CHECK(payload->size() == 124);
  const ui::QrMatrix m = ui::qr_matrix(*payload);
  CHECK(m.version == 8);
  CHECK(m.size == 49);  // 17 + 4 × version
  REQUIRE(m.dark.size() == 49u * 49u);
  CHECK(finder_at(m, 0, 0));
  CHECK(finder_at(m, m.size - 7, 0));
  CHECK(finder_at(m, 0, m.size - 7));
  CHECK((format_bits(m) >> 13) == 0);  // level M
  CHECK(format_bits(m) == second_format_bits(m));
}

TEST_CASE("short text takes version 1; text past version 40's capacity gives no matrix") {
  const ui::QrMatrix small = ui::qr_matrix("CDS2612020001");
  CHECK(small.version == 1);
  CHECK(small.size == 21);
  CHECK((format_bits(small) >> 13) == 0);
  // Version 40-M holds 2331 bytes in byte mode.
  CHECK(ui::qr_matrix(std::string(2331, 'a')).version == 40);
  CHECK(ui::qr_matrix(std::string(2332, 'a')).empty());
  CHECK(ui::qr_matrix("").empty());
}

TEST_CASE("the rows saved as a PNG carry the matrix inside a 4-module light quiet zone") {
  const ui::QrMatrix m = ui::qr_matrix("CDS2612020001");
  const std::string rows = ui::qr_rows(m);
  const int side = m.size + 2 * ui::kQrQuietZone;
  CHECK(rows.size() == static_cast<std::size_t>(side * (side + 1) - 1));
  for (int y = 0; y < side; ++y) {
    const std::string row = rows.substr(static_cast<std::size_t>(y) * (side + 1), side);
    for (int x = 0; x < side; ++x) {
      const int mx = x - ui::kQrQuietZone, my = y - ui::kQrQuietZone;
      const bool inside = mx >= 0 && my >= 0 && mx < m.size && my < m.size;
      CHECK(row[x] == (inside && m.is_dark(mx, my) ? '1' : '0'));
    }
  }
  CHECK(ui::qr_rows(ui::QrMatrix{}).empty());
}
