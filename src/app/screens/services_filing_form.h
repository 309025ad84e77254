#pragma once
// A procedure's form (#/dich-vu-cong/khai/<code>) in short steps: one `group` of fields per
// page, prefilled from the account and its VNeID identity (GET /api/v1/dossiers/prefill), each
// step checked with core's validator (the server's messages) before "Tiếp tục"; then "Thành phần
// hồ sơ" (photos of each page or a PDF per paper, uploaded to /api/v1/dossiers/files), "Xem lại"
// with "Sửa" per step, and "Gửi hồ sơ": the dossier goes through the outbox (state/outbox.h,
// kind "dossier": POST /api/v1/dossiers with its Idempotency-Key, files not yet uploaded first),
// so it is filed exactly once, also when sent offline. A refusal (422) brings the server's
// messages back under the fields. The form being filled is kept on the
// device for the signed-in account (state::AccountCache) until it is sent.
#include <map>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/screens/services_filing_papers.h"
#include "app/screens/services_filing_procedure.h"
#include "app/state/account_cache.h"
#include "core/form_validation.h"

namespace cdscb::app::screens {

class FilingForm {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  int papers_step() const { return static_cast<int>(groups_.size()); }
  int review_step() const { return papers_step() + 1; }
  void start(AppContext& ctx);  // the procedure arrived: groups, draft, prefill
  void take_answers(AppContext& ctx);
  void apply_prefill(const std::string& body);
  core::FormValues given_values() const;
  // Core's errors of the fields on `step` (all steps for -1), translated; true when none.
  bool check_step(AppContext& ctx, int step);
  bool check_papers(AppContext& ctx);
  void go_to(int step);
  void keep_draft();
  void send(AppContext& ctx);
  void take_refusal(const api::ApiError& error);

  void draw_fields(AppContext& ctx, float width);
  void draw_papers(AppContext& ctx, float width);
  void draw_review(AppContext& ctx, float width);

  ProcedureLoader loader_;
  std::string code_, owner_;
  bool started_ = false;
  std::vector<std::string> groups_;
  int step_ = 0;
  core::FormValues values_;
  PaperAttachments papers_;
  std::map<std::string, std::string> errors_;  // field key / "papers.<code>" → text
  std::string banner_;
  bool prefilled_ = false;
  api::Call prefill_;
  state::AccountCache draft_{"dossier/draft"};
  bool draft_read_ = false;
  std::string kept_draft_;  // what was last written, to write only changes
  // The dossier handed to the outbox (its Idempotency-Key) until it reaches the server or is
  // refused.
  std::string queued_key_;
  bool sent_ = false;
};

}  // namespace cdscb::app::screens
