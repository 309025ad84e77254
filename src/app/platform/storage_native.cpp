// Settings of the desktop build live in one file per key under SDL's preference directory.
#include <SDL.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/platform/storage.h"

namespace cdscb::app::platform::storage {
namespace {

std::string path_for(std::string_view key) {
  char* dir = SDL_GetPrefPath("CaoBang", "CongDanSo");
  std::string path = dir ? dir : "./";
  SDL_free(dir);
  return path + std::string(key);
}

}  // namespace

std::optional<std::string> get(std::string_view key) {
  std::ifstream in(path_for(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void set(std::string_view key, std::string_view value) {
  std::ofstream(path_for(key), std::ios::binary) << value;
}

}  // namespace cdscb::app::platform::storage
