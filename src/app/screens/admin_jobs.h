#pragma once
// "Công việc lỗi" (admins only): the jobs dead-letter list, the work for an outside system (a
// text message with a code, later feed images and notifications) that failed every attempt. Each
// shows what it was, how many attempts it had, its last error and when it last ran, with
// "Thử lại" to run it again with a fresh series of attempts (once the outside system is back);
// newest first, a page at a time.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminJobs : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Job {
    long long id = 0;
    std::string kind;
    int attempts = 0;
    std::string last_error;
    long long at = 0;       // the last attempt (else when it was queued), Unix seconds
    bool retryable = true;  // false: "Thử lại" cannot help (an expired one-time code)
  };
  void load(AppContext& ctx, bool more);
  void take_answers(AppContext& ctx);
  void draw_job(AppContext& ctx, const Job& job, float width);

  std::vector<Job> jobs_;
  std::string next_cursor_;
  bool loaded_ = false;
  bool list_more_ = false;  // the call on its way adds a page (else it replaces the list)
  api::Call list_, retry_;
  long long retrying_ = 0;  // the job whose "Thử lại" is on its way
  api::ApiError error_;
  std::string notice_;
};

}  // namespace cdscb::app::screens
