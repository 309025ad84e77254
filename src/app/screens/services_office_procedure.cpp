#include "app/screens/services_office_procedure.h"

#include <imgui.h>

#include <array>
#include <cstdlib>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/message.h"
#include "core/procedure_json.h"

namespace cdscb::app::screens {
namespace {

constexpr std::array<std::string_view, 2> kLevels = {core::kLevelCommune, core::kLevelProvince};
constexpr std::array<std::string_view, 2> kOnline = {core::kOnlineFull, core::kOnlinePartial};
constexpr std::array<std::string_view, 3> kPaperForms = {
    core::kPaperOriginal, core::kPaperCertifiedCopy, core::kPaperCopy};

template <std::size_t N>
int index_in(const std::array<std::string_view, N>& values, std::string_view value) {
  for (std::size_t i = 0; i < N; ++i)
    if (values[i] == value) return static_cast<int>(i);
  return -1;
}

// The part of the page a definition message is about, so it shows where it can be fixed.
std::string part_of(std::string_view key) {
  if (key == core::kProcedureCodeInvalid) return "code";
  if (key == core::kProcedureNameRequired) return "name";
  if (key == core::kProcedureFieldRequired) return "field";
  if (key == core::kProcedureLevelInvalid) return "level";
  if (key == core::kProcedureAgencyRequired) return "agency";
  if (key == core::kProcedureOnlineLevelInvalid) return "online";
  if (key == core::kProcedureDaysInvalid) return "days";
  if (key == core::kProcedureFeeInvalid) return "fee";
  if (key == core::kPaperInvalid || key == core::kPaperDuplicate) return "papers";
  return "form";
}

}  // namespace

void ServicesOfficeProcedure::enter(AppContext& ctx, const std::string& code) {
  *this = {};
  is_new_ = code == "moi";
  agencies_.refresh(ctx.api, ctx.replies);
  if (is_new_) {
    core::Procedure p;
    p.level = core::kLevelProvince;
    p.online_level = core::kOnlineFull;
    p.processing_days = 5;
    p.form.fields.push_back(
        {.key = "ho_ten", .type = core::FieldType::kText, .label = "Họ và tên", .required = true});
    loaded(p);
    return;
  }
  load_.start(ctx.api, "GET", "/api/v1/admin/procedures/" + code);
}

void ServicesOfficeProcedure::loaded(const core::Procedure& p) {
  p_ = p;
  days_ = std::to_string(p.processing_days);
  fee_ = p.fee_vnd ? std::to_string(*p.fee_vnd) : "";
  level_ = index_in(kLevels, p.level);
  online_ = index_in(kOnline, p.online_level);
  form_.load(p.form);
}

std::string ServicesOfficeProcedure::error_at(const std::string& part) const {
  auto it = errors_.find(part);
  return it == errors_.end() ? std::string() : it->second;
}

void ServicesOfficeProcedure::take_answers(AppContext& ctx) {
  agencies_.take(ctx.api, ctx.replies);
  if (auto body = office_ui::take_json(ctx, load_, error_)) {
    loaded(core::procedure_from_json(feedback_ui::member(*body, "procedure")));
    status_ = api::str(*body, "status");
  }
  if (load_.waiting()) return;
  api::ApiError failure;
  if (auto body = office_ui::take_json(ctx, save_, error_, &failure)) {
    p_.version = static_cast<int>(api::integer(*body, "version"));
    status_ = api::str(*body, "status");
    notice_ = ctx.t("services.office.saved");
    if (is_new_) {
      is_new_ = false;
      ctx.nav.replace(core::services_route(core::ServicesPage::kAdminProcedure, p_.code));
    }
  } else if (!failure.code.empty()) {
    // The server's messages are Vietnamese text already: shown with the whole procedure's.
    for (const auto& [key, message] : failure.fields) errors_[key] = message;
  }
  if (auto body = office_ui::take_json(ctx, publish_, error_)) {
    status_ = api::str(*body, "status");
    notice_ = ctx.t("services.office.published");
  }
}

bool ServicesOfficeProcedure::collect(AppContext& ctx) {
  errors_.clear();
  notice_.clear();
  p_.processing_days = std::atoi(days_.c_str());
  if (fee_.empty())
    p_.fee_vnd.reset();
  else
    p_.fee_vnd = std::atoll(fee_.c_str());
  if (fee_.find_first_not_of("0123456789") != std::string::npos)
    errors_["fee"] = ctx.t("services.office.fee_invalid");
  p_.level = level_ >= 0 ? std::string(kLevels[level_]) : "";
  p_.online_level = online_ >= 0 ? std::string(kOnline[online_]) : "";
  p_.form = form_.collect();
  for (const auto& message : core::validate_procedure(p_)) {
    std::string& at = errors_[part_of(core::message_parts(message).key)];
    if (!at.empty()) at += "\n";
    at += core::fill_message(message, [&](std::string_view key) { return ctx.t(key); });
  }
  return errors_.empty();
}

void ServicesOfficeProcedure::draw_facts(AppContext& ctx) {
  if (is_new_)
    ui::text_field(ctx, "services.office.p.code", ctx.t("services.office.p.code"), p_.code,
                   {.placeholder = "1.001193", .error = error_at("code")});
  else
    feedback_ui::fact(ctx, "services.office.p.code", ctx.t("services.office.p.code"), p_.code);
  ui::text_area(ctx, "services.office.p.name", ctx.t("services.office.p.name"), p_.name, 2,
                {.error = error_at("name")});
  ui::text_field(ctx, "services.office.p.field_name", ctx.t("services.office.p.field_name"),
                 p_.field_name, {.placeholder = "Hộ tịch", .error = error_at("field")});
  ui::text_field(ctx, "services.office.p.field_code", ctx.t("services.office.p.field_code"),
                 p_.field_code, {.placeholder = "ho-tich"});
  ui::combo(ctx, "services.office.p.level", ctx.t("services.office.p.level"), level_,
            {ctx.t("services.office.level.xa"), ctx.t("services.office.level.tinh")}, "",
            error_at("level"));
  // The commune's own UBND (routed by the citizen's address), then the province's agencies.
  std::vector<std::string> agencies = {ctx.t("services.office.agency_commune")};
  for (const auto& name : agencies_.names()) agencies.push_back(name);
  agency_ = p_.agency_code == core::kAgencyOfCommune  ? 0
            : agencies_.index_of(p_.agency_code) >= 0 ? agencies_.index_of(p_.agency_code) + 1
                                                      : -1;
  if (ui::combo(ctx, "services.office.p.agency", ctx.t("services.office.agency"), agency_, agencies,
                p_.agency_code.c_str(), error_at("agency")))
    p_.agency_code =
        agency_ == 0 ? std::string(core::kAgencyOfCommune) : agencies_.code_at(agency_ - 1);
  ui::combo(ctx, "services.office.p.online", ctx.t("services.office.p.online"), online_,
            {ctx.t("services.office.online.toan_trinh"), ctx.t("services.office.online.mot_phan")},
            "", error_at("online"));
  ui::text_field(ctx, "services.office.p.days", ctx.t("services.office.p.days"), days_,
                 {.input = "number", .error = error_at("days")});
  ui::checkbox(ctx, "services.office.p.after_15", ctx.t("services.office.p.after_15"),
               p_.after_15_next_day);
  ui::text_field(ctx, "services.office.p.fee", ctx.t("services.office.p.fee"), fee_,
                 {.placeholder = ctx.t("services.office.p.fee_hint"),
                  .input = "number",
                  .error = error_at("fee")});
  ui::text_field(ctx, "services.office.p.fee_note", ctx.t("services.office.p.fee_note"),
                 p_.fee_note);
  ui::text_area(ctx, "services.office.p.legal_basis", ctx.t("services.office.p.legal_basis"),
                p_.legal_basis, 3);
}

void ServicesOfficeProcedure::draw_papers(AppContext& ctx, float width) {
  ui::heading(ctx, "services.office.p.papers", ctx.t("services.office.p.papers"), 2);
  if (!error_at("papers").empty())
    ui::paragraph(ctx, "services.office.p.papers_error", error_at("papers").c_str(),
                  ui::Theme::kError);
  const std::vector<std::string> forms = {ctx.t("services.office.paper.original"),
                                          ctx.t("services.office.paper.certified_copy"),
                                          ctx.t("services.office.paper.copy")};
  int remove = -1;
  for (std::size_t i = 0; i < p_.papers.size(); ++i) {
    core::Paper& paper = p_.papers[i];
    const std::string p = "services.office.paper." + std::to_string(i) + ".";
    ImGui::PushID(static_cast<int>(i) + 1000);
    ui::text_field(ctx, (p + "name").c_str(), ctx.t("services.office.paper_name"), paper.name);
    ui::text_field(ctx, (p + "code").c_str(), ctx.t("services.office.paper_code"), paper.code,
                   {.placeholder = "to_khai"});
    int form = index_in(kPaperForms, paper.form);
    if (ui::combo(ctx, (p + "form").c_str(), ctx.t("services.office.paper_form"), form, forms) &&
        form >= 0)
      paper.form = kPaperForms[form];
    ui::checkbox(ctx, (p + "required").c_str(), ctx.t("services.office.field_required"),
                 paper.required);
    if (ui::button(ctx, (p + "remove").c_str(), ctx.t("services.office.remove"),
                   ui::ButtonKind::kSecondary, width))
      remove = static_cast<int>(i);
    ImGui::PopID();
  }
  if (remove >= 0) p_.papers.erase(p_.papers.begin() + remove);
  if (ui::button(ctx, "services.office.paper_add", ctx.t("services.office.paper_add"),
                 ui::ButtonKind::kSecondary, width))
    p_.papers.push_back({});
}

void ServicesOfficeProcedure::draw(AppContext& ctx, float width) {
  take_answers(ctx);
  if (load_.waiting()) {
    ui::paragraph(ctx, "services.office.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (!is_new_ && p_.code.empty()) {
    if (!error_.empty()) ui::status_banner(ctx, "services.office.procedure_error", error_.c_str());
    return;
  }
  if (!status_.empty()) {
    const std::string line = std::string(ctx.t("services.office.version")) + " " +
                             std::to_string(p_.version) + " · " +
                             ctx.t(status_ == "draft" ? "services.office.status_draft"
                                                      : "services.office.status_published");
    ui::paragraph(ctx, "services.office.p.status", line.c_str(), ui::Theme::kMutedText);
  }
  if (!error_.empty()) ui::status_banner(ctx, "services.office.procedure_error", error_.c_str());
  if (!error_at("procedure").empty())
    ui::status_banner(ctx, "services.office.procedure_refused", error_at("procedure").c_str());
  if (!notice_.empty()) ui::paragraph(ctx, "services.office.notice", notice_.c_str());
  const bool busy = save_.waiting() || publish_.waiting();
  if (ui::button(ctx, "services.office.save_draft", ctx.t("services.office.save_draft"),
                 ui::ButtonKind::kSecondary, width) &&
      !busy && collect(ctx))
    save_.start(ctx.api, "POST", "/api/v1/admin/procedures",
                core::procedure_json<nlohmann::json>(p_).dump());
  if (status_ == "draft" &&
      ui::button(ctx, "services.office.publish", ctx.t("services.office.publish"),
                 ui::ButtonKind::kPrimary, width) &&
      !busy) {
    notice_.clear();
    publish_.start(ctx.api, "POST",
                   "/api/v1/admin/procedures/" + p_.code + "/versions/" +
                       std::to_string(p_.version) + "/publish");
  }
  // Then the facts, papers and form: a long page, so its buttons sit above it.
  draw_facts(ctx);
  draw_papers(ctx, width);
  form_.draw(ctx, width, error_at("form"));
}

}  // namespace cdscb::app::screens
