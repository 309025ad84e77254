#include <fstream>
#include <iterator>

#include "app/fonts.h"

namespace cdscb::app {
namespace {

std::vector<unsigned char> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

FontFiles load_font_files() {
  return {read_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
          read_file("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")};
}

}  // namespace cdscb::app
