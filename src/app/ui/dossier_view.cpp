#include "app/ui/dossier_view.h"

#include <imgui.h>

#include <cstdio>

#include "app/api/json.h"
#include "app/ui/widgets.h"
#include "core/communes.h"
#include "core/dossier.h"
#include "core/money.h"
#include "core/procedure_json.h"
#include "core/time_text.h"

namespace cdscb::app::ui {
namespace {

const nlohmann::json& member(const nlohmann::json& j, const char* key) {
  static const nlohmann::json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const char* who_label(AppContext& ctx, std::string_view role) {
  if (role == core::kActorCitizen) return ctx.t("services.follow.who.citizen");
  if (role == core::kActorOfficer) return ctx.t("services.follow.who.officer");
  return ctx.t("services.follow.who.system");
}

}  // namespace

void fact(AppContext& ctx, const std::string& id, const char* label, const std::string& value,
          ImU32 color) {
  if (value.empty()) return;
  const std::string text = std::string(label) + ": " + value;
  paragraph(ctx, id.c_str(), text.c_str(), color);
}

const char* DossierView::status_label(AppContext& ctx, std::string_view status) {
  const auto* s = core::find_dossier_status(status);
  return s ? ctx.t(s->label_key) : ctx.t("services.follow.status_unknown");
}

std::string DossierView::time_text(std::string_view rfc3339) {
  const auto at = core::parse_rfc3339(rfc3339);
  return at ? core::vietnam_date_time_text(*at) : std::string();
}

void DossierView::set(AppContext& ctx, const nlohmann::json& dossier) {
  dossier_ = dossier;
  code_ = api::str(dossier, "code");
  const std::string procedure = api::str(member(dossier, "procedure"), "code");
  if (procedure != procedure_code_) {
    procedure_code_ = procedure;
    procedure_.reset();
    // The published version's labels: a later version keeps the keys of the fields it kept.
    procedure_call_.start(ctx.api, "GET", "/api/v1/procedures/" + procedure);
  }
  for (const auto& [paper, files] : member(dossier, "papers").items()) {
    if (files.is_array() && !files.empty()) {
      files_.probe(ctx, code_, api::str(files.front(), "media"));
      break;
    }
  }
}

bool DossierView::open_result() const {
  const auto& result = member(dossier_, "result");
  const std::string media = api::str(result, "media");
  if (media.empty()) return false;
  files_.open(code_, media, api::str(result, "kind"));
  return true;
}

std::string DossierView::paper_name(const std::string& code) const {
  if (procedure_)
    if (const auto* paper = core::find_paper(*procedure_, code)) return paper->name;
  return code;
}

std::string DossierView::value_text(AppContext& ctx, const std::string& key,
                                    const nlohmann::json& v) const {
  const core::FormField* field = procedure_ ? core::find_field(procedure_->form, key) : nullptr;
  const auto option_label = [&](const std::string& value) {
    if (field)
      for (const auto& o : field->options)
        if (o.value == value) return o.label;
    return value;
  };
  if (v.is_boolean()) return ctx.t(v.get<bool>() ? "services.follow.yes" : "services.follow.no");
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    char text[64];
    std::snprintf(text, sizeof text, "%g", v.get<double>());
    return text;
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v)
      if (item.is_string())
        out += (out.empty() ? "" : ", ") + option_label(item.get<std::string>());
    return out;
  }
  if (v.is_object()) {  // an address: the street, then the commune's official name
    const auto* commune = core::find_commune(api::str(v, "commune"));
    std::string out = api::str(v, "street");
    if (commune) out += (out.empty() ? "" : ", ") + std::string(commune->name);
    return out;
  }
  if (!v.is_string()) return {};
  const std::string s = v.get<std::string>();
  if (field && field->type == core::FieldType::kDate) return core::vietnam_day_text(s);
  return option_label(s);
}

void DossierView::draw_facts(AppContext& ctx) {
  const auto& d = dossier_;
  fact(ctx, "dossier.code", ctx.t("services.follow.code"), code_);
  fact(ctx, "dossier.procedure", ctx.t("services.follow.procedure"),
       api::str(member(d, "procedure"), "name"));
  fact(ctx, "dossier.status", ctx.t("services.follow.status"),
       status_label(ctx, api::str(d, "status")));
  fact(ctx, "dossier.agency", ctx.t("services.follow.agency"),
       api::str(member(d, "agency"), "name"));
  fact(ctx, "dossier.applicant", ctx.t("services.follow.applicant"), api::str(d, "applicant_name"));
  fact(ctx, "dossier.filed", ctx.t("services.follow.filed"), time_text(api::str(d, "created_at")));
  fact(ctx, "dossier.received", ctx.t("services.follow.received"),
       time_text(api::str(d, "received_at")));
  const bool overdue = api::boolean(d, "overdue");
  std::string due = time_text(api::str(d, "due_at"));
  if (!due.empty() && overdue) due += std::string(" · ") + ctx.t("services.follow.overdue");
  fact(ctx, "dossier.due", ctx.t("services.follow.due"), due,
       overdue ? Theme::kError : Theme::kText);
  const auto& fee = member(d, "fee_vnd");
  fact(ctx, "dossier.fee", ctx.t("services.follow.fee"),
       fee.is_number_integer() ? core::format_vnd(fee.get<long long>())
                               : std::string(ctx.t("services.follow.no_fee")));
  if (!member(d, "apology_at").is_null())
    fact(ctx, "dossier.apology", ctx.t("services.follow.apology"),
         time_text(api::str(d, "apology_at")));
}

void DossierView::draw_values(AppContext& ctx) {
  const auto& values = member(dossier_, "values");
  if (!values.is_object() || values.empty()) return;
  heading(ctx, "dossier.values", ctx.t("services.follow.values"), 2);
  int i = 0;
  const auto one = [&](const std::string& key, const char* label) {
    const auto it = values.find(key);
    if (it == values.end() || it->is_null()) return;
    std::string name = label;  // "…trước pháp luật." reads "…trước pháp luật: Có"
    if (name.ends_with('.')) name.pop_back();
    fact(ctx, "dossier.value." + std::to_string(i++), name.c_str(), value_text(ctx, key, *it));
  };
  if (procedure_) {  // in the form's order, under the form's labels
    for (const auto& field : procedure_->form.fields) one(field.key, field.label.c_str());
  } else {
    for (const auto& [key, v] : values.items()) one(key, key.c_str());
  }
}

void DossierView::draw_papers(AppContext& ctx, float width) {
  const auto& papers = member(dossier_, "papers");
  if (!papers.is_object() || papers.empty()) return;
  heading(ctx, "dossier.papers", ctx.t("services.follow.papers"), 2);
  int i = 0;
  for (const auto& [code, files] : papers.items()) {
    if (!files.is_array()) continue;
    const std::string name = paper_name(code);
    paragraph(ctx, ("dossier.paper." + code).c_str(), name.c_str());
    int n = 0;
    for (const auto& file : files) {
      ++n;
      char label[64];
      std::snprintf(label, sizeof label, ctx.t("services.follow.open_file"), n);
      const std::string id = "dossier.file." + std::to_string(i++);
      const std::string kind = api::str(file, "kind");
      if (button(ctx, id.c_str(), label, name + " · " + label, ButtonKind::kSecondary, width))
        files_.open(code_, api::str(file, "media"), kind);
    }
  }
}

void DossierView::draw_supplement(AppContext& ctx) {
  const auto& s = member(dossier_, "supplement");
  if (!s.is_object()) return;
  heading(ctx, "dossier.supplement", ctx.t("services.follow.supplement"), 2);
  const std::string missing = std::string(ctx.t("services.follow.supplement_items")) + ":";
  paragraph(ctx, "dossier.supplement.items", missing.c_str());
  int i = 0;
  for (const auto& item : member(s, "items")) {
    if (!item.is_string()) continue;
    const std::string line = "• " + item.get<std::string>();
    paragraph(ctx, ("dossier.supplement.item." + std::to_string(i++)).c_str(), line.c_str());
  }
  std::string papers;
  for (const auto& p : member(s, "papers"))
    if (p.is_string()) papers += (papers.empty() ? "" : ", ") + paper_name(p.get<std::string>());
  fact(ctx, "dossier.supplement.papers", ctx.t("services.follow.supplement_papers"), papers);
  fact(ctx, "dossier.supplement.reason", ctx.t("services.follow.reason"), api::str(s, "reason"));
  // The deadline is the first moment after the last day: shown as that day's 23:59.
  const auto deadline = core::parse_rfc3339(api::str(s, "deadline"));
  fact(ctx, "dossier.supplement.deadline", ctx.t("services.follow.supplement_deadline"),
       deadline ? core::vietnam_date_time_text(*deadline - 60) : std::string(), Theme::kError);
}

void DossierView::draw_result(AppContext& ctx) {
  const auto& r = member(dossier_, "result");
  if (!r.is_object()) return;
  heading(ctx, "dossier.result", ctx.t("services.follow.result"), 2);
  fact(ctx, "dossier.result.number", ctx.t("services.follow.result_number"), api::str(r, "number"));
  fact(ctx, "dossier.result.date", ctx.t("services.follow.result_date"),
       core::vietnam_day_text(api::str(r, "date")));
  fact(ctx, "dossier.result.returned", ctx.t("services.follow.returned"),
       time_text(api::str(dossier_, "returned_at")));
}

void DossierView::draw_timeline(AppContext& ctx) {
  const auto& timeline = member(dossier_, "timeline");
  if (!timeline.is_array() || timeline.empty()) return;
  heading(ctx, "dossier.timeline", ctx.t("services.follow.timeline"), 2);
  int i = 0;
  for (const auto& e : timeline) {
    const std::string id = "dossier.step." + std::to_string(i++);
    const auto& who = member(e, "who");
    std::string by = who_label(ctx, api::str(who, "role"));
    const std::string agency = api::str(member(who, "agency"), "name");
    if (!agency.empty()) by += " · " + agency;
    const std::string action = api::str(e, "action");
    std::string what = action == "submit" || action.empty()
                           ? std::string(ctx.t("services.follow.step_filed"))
                           : std::string(ctx.t(core::dossier_action_label_key(action)));
    what += " (" + std::string(status_label(ctx, api::str(e, "status"))) + ")";
    const std::string head = time_text(api::str(e, "at")) + " · " + what;
    paragraph(ctx, (id + ".what").c_str(), head.c_str());
    paragraph(ctx, (id + ".who").c_str(), by.c_str(), Theme::kMutedText);
    const std::string note = api::str(e, "note");
    if (!note.empty()) fact(ctx, id + ".note", ctx.t("services.follow.note"), note);
    ImGui::Dummy(ImVec2(0, 4));
  }
}

void DossierView::draw_head(AppContext& ctx) {
  if (auto r = procedure_call_.poll(ctx.api)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && member(body, "procedure").is_object())
      procedure_ = core::procedure_from_json(member(body, "procedure"));
  }
  files_.take(ctx);
  if (dossier_.is_null()) return;
  draw_facts(ctx);
  draw_supplement(ctx);
  draw_result(ctx);
}

void DossierView::draw_body(AppContext& ctx, float width) {
  if (dossier_.is_null()) return;
  draw_values(ctx);
  draw_papers(ctx, width);
  draw_timeline(ctx);
}

}  // namespace cdscb::app::ui
