#pragma once
// "Tra cứu hồ sơ" (#/dich-vu-cong/tra-cuu, and tra-cuu/<code> from a receipt's QR), without login:
// a dossier code → status, procedure, receiving agency, received and due dates and the applicant's
// masked name (GET /api/v1/dossiers/lookup/<code>); not found and too many tries in Vietnamese.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class ServicesFollowLookup {
 public:
  // `code`: from the route (the QR's link), looked up at once; empty for the bare form.
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  void search(AppContext& ctx);

  std::string code_, code_error_, error_;
  api::Call call_;
  nlohmann::json found_;
};

}  // namespace cdscb::app::screens
