// The cameras module on a fresh database (the run's backend) beside the accounts module, with the
// registry seeded from data/cameras.csv and the relay pointed at a CameraUpstream as the NVR.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "modules/accounts/accounts_harness.h"
#include "modules/cameras/camera_upstream.h"
#include "modules/cameras/routes.h"

namespace cdscb::server::testing {

class CamerasHarness {
 public:
  explicit CamerasHarness(std::chrono::milliseconds timeout = std::chrono::milliseconds(1500));

  http::Response get(const std::string& target, const std::string& cookie = "",
                     const std::string& if_none_match = "");
  http::Response send(const std::string& method, const std::string& target,
                      const nlohmann::json& body, const std::string& cookie);
  nlohmann::json list(const std::string& query);

  std::string admin();    // a signed-in admin's session
  std::string citizen();  // a signed-in citizen's session
  // What the database says of a camera's status.
  std::string stored_status(const std::string& code);
  // Serves a live stream for cam1 at the upstream: master, 360p playlist and two segments.
  void serve_stream(std::chrono::milliseconds segment_delay = std::chrono::milliseconds(0));

  CameraUpstream upstream;
  AccountsHarness accounts;
  CamerasDeps deps;
};

// Bytes that start like an MPEG-TS segment (sync byte 0x47 every 188 bytes).
std::string fake_segment(char fill, std::size_t packets = 50);

}  // namespace cdscb::server::testing
