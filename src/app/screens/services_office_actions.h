#pragma once
// What an official does with one dossier: the actions core's status table (core/dossier.h)
// allows from its status, each a short form — "Tiếp nhận" (or "Tiếp nhận bổ sung" after the
// citizen's supplement), "Yêu cầu bổ sung" (every missing item, the papers, a reason, days),
// "Chuyển xử lý" (agency, note), "Bắt đầu xử lý", "Đã xử lý xong", "Trả kết quả" (a PDF or a
// photo, its number and date; late, the server asks first for the "Phiếu xin lỗi và hẹn lại ngày
// trả kết quả"), "Từ chối" and "Dừng xử lý" (a reason), "Đã nộp phí". The server checks again;
// its 409/422 answers are shown in Vietnamese, at the fields where they belong.
// It takes the dossier's JSON (GET /api/v1/dossiers/{code}) so that any view can sit above it.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/state/agency_list.h"
#include "core/procedure.h"

namespace cdscb::app::screens {

class ServicesOfficeActions {
 public:
  // A new dossier is shown: forget the open form and what was typed.
  void reset();
  // The procedure of the dossier (its papers for "Yêu cầu bổ sung"), when known.
  void set_procedure(std::optional<core::Procedure> procedure) {
    procedure_ = std::move(procedure);
  }
  // Returns the updated dossier when an action succeeded.
  std::optional<nlohmann::json> draw(AppContext& ctx, const nlohmann::json& dossier, float width);

 private:
  void take_answers(AppContext& ctx);
  void post(AppContext& ctx, const std::string& action, const nlohmann::json& body);
  void submit(AppContext& ctx);
  void draw_form(AppContext& ctx, float width);
  void draw_supplement(AppContext& ctx, float width);
  void draw_result(AppContext& ctx, float width);
  std::string error_at(const std::string& key) const;

  std::string code_;               // the dossier's code
  bool after_supplement_ = false;  // "Tiếp nhận" takes a supplement (accept-supplement)
  std::string open_;               // the action whose form is open, "" for none
  std::optional<core::Procedure> procedure_;
  state::AgencyList agencies_;
  bool agencies_asked_ = false;
  // The forms' fields.
  std::string items_, reason_, days_ = "7", note_, number_, date_, new_date_;
  std::vector<bool> papers_;  // per procedure paper: asked for
  int agency_ = -1;
  // The result file: a blob: URL picked, then its media id once uploaded.
  std::string file_url_, file_name_, media_id_, pick_request_, upload_request_;
  bool apology_needed_ = false;  // the server answered 409 apology_required
  api::Call act_;
  std::string posted_;  // the action in flight
  std::string error_;
  std::map<std::string, std::string> field_errors_;  // field → message (core's keys or server's)
  std::optional<nlohmann::json> updated_;
};

}  // namespace cdscb::app::screens
