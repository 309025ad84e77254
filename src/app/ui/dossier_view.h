#pragma once
// One dossier of "Dịch vụ công" as the citizen and the officials read it: code, procedure, status
// (core's label), receiving agency, dates (overdue marked), fee, the form's values under their
// labels, the papers (each file openable), the request for supplements, the result and the
// timeline of every step. Drawn by "Hồ sơ cá nhân" and by the officials' page above their own
// buttons, so it has no actions: it takes the "dossier" of GET /api/v1/dossiers/{code} and draws.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/ui/dossier_files.h"
#include "core/procedure.h"

namespace cdscb::app::ui {

// "Nhãn: giá trị" on one line, mirrored as text; nothing for an empty value.
void fact(AppContext& ctx, const std::string& id, const char* label, const std::string& value,
          ImU32 color = Theme::kText);

class DossierView {
 public:
  // A new answer for the dossier; its procedure (for the labels of the form and the papers) is
  // asked once per procedure.
  void set(AppContext& ctx, const nlohmann::json& dossier);
  const nlohmann::json& dossier() const { return dossier_; }
  bool empty() const { return dossier_.is_null(); }
  void draw(AppContext& ctx, float width) {
    draw_head(ctx);
    draw_body(ctx, width);
  }
  // The same in two parts, for a page that puts its buttons between them: the facts, the
  // request for supplements and the result; then the values, the papers and the timeline.
  void draw_head(AppContext& ctx);
  void draw_body(AppContext& ctx, float width);
  // Opens the result's file ("Tải kết quả"); false when there is none.
  bool open_result() const;

  // The Vietnamese label of a status code (core's table), or the code when unknown.
  static const char* status_label(AppContext& ctx, std::string_view status);
  // "dd/mm/yyyy HH:MM" of an RFC 3339 time, empty for none.
  static std::string time_text(std::string_view rfc3339);

 private:
  void draw_facts(AppContext& ctx);
  void draw_values(AppContext& ctx);
  void draw_papers(AppContext& ctx, float width);
  void draw_supplement(AppContext& ctx);
  void draw_result(AppContext& ctx);
  void draw_timeline(AppContext& ctx);
  std::string value_text(AppContext& ctx, const std::string& key, const nlohmann::json& v) const;
  std::string paper_name(const std::string& code) const;

  nlohmann::json dossier_;
  std::string code_;
  std::string procedure_code_;
  api::Call procedure_call_;
  std::optional<core::Procedure> procedure_;
  DossierFiles files_;
};

}  // namespace cdscb::app::ui
