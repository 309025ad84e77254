#pragma once
// "Nộp hồ sơ": the catalogue (kCatalogue), a procedure (kProcedure), its form in steps with its
// papers, "Xem lại" and "Gửi hồ sơ" (kForm), the receipt (kReceipt) and "Bổ sung hồ sơ"
// (kSupplement).
#include "app/app_context.h"
#include "app/screens/services_filing_catalogue.h"
#include "app/screens/services_filing_form.h"
#include "app/screens/services_filing_procedure.h"
#include "app/screens/services_filing_receipt.h"
#include "app/screens/services_filing_supplement.h"
#include "core/routes.h"

namespace cdscb::app::screens {

class ServicesFiling {
 public:
  // The route entered one of this section's pages (or changed its id).
  void enter(AppContext& ctx, const core::ServicesView& view);
  // The page's title, or nullptr for the section's default ("Dịch vụ công").
  const char* title(AppContext& ctx, const core::ServicesView& view) const;
  void draw(AppContext& ctx, const core::ServicesView& view, float width);

 private:
  FilingCatalogue catalogue_;
  FilingProcedure procedure_;
  FilingForm form_;
  FilingReceipt receipt_;
  FilingSupplement supplement_;
};

}  // namespace cdscb::app::screens
