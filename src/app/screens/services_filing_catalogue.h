#pragma once
// "Nộp hồ sơ" (#/dich-vu-cong/nop-ho-so): the published procedures, found by a search the server
// matches without diacritics ("ly lich tu phap"), filtered by field and agency level, a page at a
// time ("Xem thêm"); each row shows its agency, time and fee, and "Mẫu" for sample data. Tapping
// one opens it (thu-tuc/<code>).
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/state/agency_list.h"

namespace cdscb::app::screens {

class FilingCatalogue {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  std::string path(const std::string& cursor) const;
  void search(AppContext& ctx);
  void take(AppContext& ctx, payments_ui::TimedCall& call, bool append);

  std::string query_;
  int field_ = 0;  // 0: every field; otherwise fields_[field_ - 1]
  int level_ = 0;  // 0: every level, 1: xã, 2: tỉnh
  // The fields of the procedures seen so far (the first answer lists every one of them).
  std::vector<std::pair<std::string, std::string>> fields_;
  payments_ui::TimedCall list_, more_;
  nlohmann::json items_ = nlohmann::json::array();
  std::string next_cursor_, error_;
  bool loaded_ = false;
  state::AgencyList agencies_;  // the rows' agencies by name
};

// The name of a procedure's agency: "UBND cấp xã nơi cư trú" for a commune's procedure.
std::string filing_agency_text(AppContext& ctx, const state::AgencyList& agencies,
                               const std::string& code);
// "3 ngày làm việc" / "Trong ngày"; "200.000 đ" / "Miễn phí".
std::string filing_days_text(AppContext& ctx, long long days);
std::string filing_fee_text(AppContext& ctx, const nlohmann::json& fee_vnd);
// The text of an i18n key with "{1}", "{2}"… filled in.
std::string filing_text(AppContext& ctx, std::string_view key,
                        std::initializer_list<std::string_view> args);

}  // namespace cdscb::app::screens
