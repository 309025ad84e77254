#include "modules/cameras/camera_upstream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace cdscb::server::testing {

CameraUpstream::CameraUpstream() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 128) != 0) {
    throw std::runtime_error("camera upstream: cannot listen");
  }
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

CameraUpstream::~CameraUpstream() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopped_.notify_all();
  ::shutdown(listen_fd_, SHUT_RDWR);  // wakes accept()
  acceptor_.join();
  ::close(listen_fd_);
  for (auto& thread : threads_) thread.join();
}

void CameraUpstream::set(const std::string& path, Answer answer) {
  std::lock_guard lock(mutex_);
  answers_[path] = std::move(answer);
}

int CameraUpstream::hits(const std::string& path) const {
  std::lock_guard lock(mutex_);
  const auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

void CameraUpstream::accept_loop() {
  for (;;) {
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;  // shut down
    std::lock_guard lock(mutex_);
    if (stopping_) {
      ::close(fd);
      return;
    }
    threads_.emplace_back([this, fd] { serve(fd); });
  }
}

void CameraUpstream::serve(int fd) {
  std::string request;
  char buffer[4096];
  while (request.find("\r\n\r\n") == std::string::npos) {
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    request.append(buffer, static_cast<std::size_t>(got));
  }
  const std::size_t start = request.find(' ') + 1;
  const std::string path = request.substr(start, request.find(' ', start) - start);
  Answer answer{.status = 404, .body = "not found", .delay = {}, .stall = false};
  {
    std::unique_lock lock(mutex_);
    ++hits_[path];
    if (const auto it = answers_.find(path); it != answers_.end()) answer = it->second;
    if (answer.stall) {
      stopped_.wait(lock, [this] { return stopping_.load(); });
    } else if (answer.delay.count() > 0) {
      stopped_.wait_for(lock, answer.delay, [this] { return stopping_.load(); });
    }
  }
  const std::string head = "HTTP/1.1 " + std::to_string(answer.status) +
                           " X\r\nContent-Length: " + std::to_string(answer.body.size()) +
                           "\r\nConnection: close\r\n\r\n";
  const std::string reply = head + answer.body;
  for (std::size_t sent = 0; sent < reply.size();) {
    const ssize_t n = ::send(fd, reply.data() + sent, reply.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

}  // namespace cdscb::server::testing
