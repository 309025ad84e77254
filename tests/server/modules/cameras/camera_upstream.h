// A tiny HTTP/1.1 server on 127.0.0.1 playing a camera source for the relay's tests: each path
// answers what the test set (status, body, a delay, or a stall that never answers), and counts
// the requests it got, so a test can tell how many upstream fetches the relay made.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cdscb::server::testing {

class CameraUpstream {
 public:
  struct Answer {
    int status = 200;
    std::string body;
    std::chrono::milliseconds delay{0};
    bool stall = false;  // read the request, then never answer
  };

  CameraUpstream();
  ~CameraUpstream();
  CameraUpstream(const CameraUpstream&) = delete;
  CameraUpstream& operator=(const CameraUpstream&) = delete;

  void set(const std::string& path, Answer answer);
  int hits(const std::string& path) const;
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void accept_loop();
  void serve(int fd);

  int listen_fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::condition_variable stopped_;
  std::map<std::string, Answer> answers_;
  std::map<std::string, int> hits_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

}  // namespace cdscb::server::testing
