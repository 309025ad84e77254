#pragma once
// "Phiên đăng nhập" in Quản lý tài khoản: the devices signed in to my account (which browser on
// which system, from which address, last active when), ending one of them, or all.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class ActiveSessions : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Entry {
    std::string id;
    std::string device;     // "Chrome trên Android"
    std::string address;    // IP address, or "" when unknown
    std::string last_seen;  // "14:05 26/11/2026"
    std::string created;
    bool current = false;
  };
  void take_answers(AppContext& ctx);
  void read_list(AppContext& ctx, const std::string& body);
  void draw_entry(AppContext& ctx, const Entry& entry, size_t index, float width);

  api::Call list_;
  api::Call end_;
  api::Call end_all_;
  std::vector<Entry> entries_;
  bool loaded_ = false;
  bool ending_current_ = false;
  bool ended_other_ = false;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
