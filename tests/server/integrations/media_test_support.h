// Test photos made with libvips at run time, and a hand-built EXIF block with GPS coordinates,
// so the tests need no binary fixtures.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::testing {

// A `width`×`height` photo (a colour gradient, so it compresses like a photo) in each format.
std::string make_jpeg(int width, int height);
std::string make_png(int width, int height, bool alpha = false);
std::string make_webp(int width, int height);

// An APP1 "Exif" segment: IFD0 with Orientation `orientation` and a camera Make, and a GPS IFD
// at 22°39'57.6"N 106°15'28.8"E, inserted right after the JPEG's SOI marker.
std::string with_exif_gps(std::string_view jpeg, int orientation = 1);

// Whether the JPEG holds an APP1 Exif or XMP segment, or an ICC profile (APP2).
bool has_jpeg_metadata(std::string_view jpeg);

// Metadata fields libvips sees when it loads `bytes` (e.g. "exif-data", "xmp-data").
bool vips_has_field(std::string_view bytes, const char* field);

// Width and height as libvips reads them.
std::pair<int, int> image_size(std::string_view bytes);

}  // namespace cdscb::server::testing
