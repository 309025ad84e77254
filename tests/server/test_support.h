// Helpers shared by the server tests.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "http/request.h"

namespace cdscb::server::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `path`, creating parent directories.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// A request as the transport would build it; fails the test if `target` is malformed.
http::Request make_request(std::string method, std::string target);

}  // namespace cdscb::server::testing
