#pragma once
// One procedure (#/dich-vu-cong/thu-tuc/<code>): its papers (name, bản chính / bản sao, count,
// required or not), fee, processing time, legal basis and online level, with "Nộp hồ sơ trực
// tuyến" opening its form (khai/<code>).
#include <string>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "core/procedure.h"

namespace cdscb::app::screens {

// GET /api/v1/procedures/<code> as a core::Procedure (and the agency's name), shared by the
// procedure page and the form.
class ProcedureLoader {
 public:
  void load(AppContext& ctx, const std::string& code);
  // Takes the answer; draws the wait or the failure with "Thử lại". True once loaded.
  bool draw_state(AppContext& ctx, float width);
  const core::Procedure& procedure() const { return procedure_; }
  const std::string& agency_name() const { return agency_name_; }
  const std::string& code() const { return code_; }

 private:
  std::string code_, agency_name_, error_;
  core::Procedure procedure_;
  payments_ui::TimedCall call_;
  bool loaded_ = false;
};

class FilingProcedure {
 public:
  void enter(AppContext& ctx, const std::string& code) { loader_.load(ctx, code); }
  void draw(AppContext& ctx, float width);

 private:
  ProcedureLoader loader_;
};

// "Bản chính", "Bản sao chứng thực", "Bản sao".
const char* paper_form_label(AppContext& ctx, std::string_view form);

}  // namespace cdscb::app::screens
