#pragma once
// One procedure in "Quản lý thủ tục" (#/dich-vu-cong/quan-ly-thu-tuc/<code>, "moi" for a new
// one): its facts (name, field, level, agency, online level, days, fee in VND, legal basis, the
// "after 15:00" rule), its papers and its form (ServicesOfficeFormEditor) → "Lưu bản nháp"
// (a new draft version; citizens keep seeing the published one) and "Công bố". Core's
// validate_procedure checks before sending and the server's 422 messages come back to the parts
// they are about.
#include <map>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/screens/services_office_form_editor.h"
#include "app/state/agency_list.h"
#include "core/procedure.h"

namespace cdscb::app::screens {

class ServicesOfficeProcedure {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  void take_answers(AppContext& ctx);
  void loaded(const core::Procedure& p);
  // The procedure from the fields; false (with errors shown) when core refuses it.
  bool collect(AppContext& ctx);
  void draw_facts(AppContext& ctx);
  void draw_papers(AppContext& ctx, float width);
  std::string error_at(const std::string& part) const;

  bool is_new_ = false;
  core::Procedure p_;
  std::string status_;  // "draft", "published", "" while new
  std::string days_, fee_;
  int level_ = -1, online_ = -1, agency_ = -1;
  state::AgencyList agencies_;
  std::vector<std::string> paper_forms_;  // per paper: index text of its form (kept in p_)
  ServicesOfficeFormEditor form_;
  api::Call load_, save_, publish_;
  std::string error_, notice_;
  std::map<std::string, std::string> errors_;  // part ("name", "fee", "papers", "form"…) → text
};

}  // namespace cdscb::app::screens
