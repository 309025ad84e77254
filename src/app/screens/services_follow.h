#pragma once
// "Hồ sơ cá nhân" (kMine), one dossier with its timeline (kDossier), "Kho giấy tờ" (kPapers) and
// "Tra cứu hồ sơ" without login (kLookup).
#include "app/app_context.h"
#include "app/screens/services_follow_dossier.h"
#include "app/screens/services_follow_lookup.h"
#include "app/screens/services_follow_mine.h"
#include "app/screens/services_follow_papers.h"
#include "core/routes.h"

namespace cdscb::app::screens {

class ServicesFollow {
 public:
  // The route entered one of this section's pages (or changed its id).
  void enter(AppContext& ctx, const core::ServicesView& view);
  // The page's title, or nullptr for the section's default ("Dịch vụ công").
  const char* title(AppContext& ctx, const core::ServicesView& view) const;
  void draw(AppContext& ctx, const core::ServicesView& view, float width);

 private:
  ServicesFollowMine mine_;
  ServicesFollowDossier dossier_;
  ServicesFollowPapers papers_;
  ServicesFollowLookup lookup_;
};

}  // namespace cdscb::app::screens
