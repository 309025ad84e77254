#include "test_support.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>
#include <stdexcept>

namespace cdscb::server::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "cdscb-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

http::Request make_request(std::string method, std::string target) {
  auto request = http::Request::parse(std::move(method), target);
  REQUIRE_MESSAGE(request.has_value(), "malformed target " << target);
  return std::move(*request);
}

}  // namespace cdscb::server::testing
