#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// Confirms the phone number with the 6-digit SMS code; success signs the citizen in.
class VerifyPhone : public Screen {
 public:
  void draw(AppContext& ctx) override;

 private:
  void take_answers(AppContext& ctx);
  void draw_resend(AppContext& ctx, float width);

  std::string code_;
  api::Call verify_;
  api::Call resend_;
  int woken_for_second_ = -1;  // the countdown value a wake-up is already asked for
  api::ApiError error_;
  std::string notice_;
};

}  // namespace cdscb::app::screens
