#pragma once
// "Dịch vụ công" (#/dich-vu-cong): the menu and the pages under it, chosen by the route's
// parameter (core::services_view). Three sections own the pages: filing (citizens file a
// dossier), follow (citizens follow theirs, and anyone looks one up) and office (officials and
// admins).
#include <string>

#include "app/screens/screen.h"
#include "app/screens/services_filing.h"
#include "app/screens/services_follow.h"
#include "app/screens/services_office.h"
#include "core/routes.h"

namespace cdscb::app::screens {

class PublicServices : public Screen {
 public:
  void draw(AppContext& ctx) override;
  void on_enter(AppContext& ctx) override;

 private:
  void enter_page(AppContext& ctx);
  const char* title(AppContext& ctx) const;
  void draw_menu(AppContext& ctx, float width);

  core::ServicesView view_;
  std::string entered_param_ = "\x01";  // the route parameter the shown page was entered with
  ServicesFiling filing_;
  ServicesFollow follow_;
  ServicesOffice office_;
};

}  // namespace cdscb::app::screens
