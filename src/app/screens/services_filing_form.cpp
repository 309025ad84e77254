#include "app/screens/services_filing_form.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_filing_catalogue.h"
#include "app/screens/services_filing_fields.h"
#include "app/state/dossier_outbox.h"
#include "app/state/outbox.h"
#include "app/ui/widgets.h"
#include "core/procedure_json.h"
#include "core/routes.h"
#include "core/working_hours.h"

namespace cdscb::app::screens {
namespace {

core::Date vietnam_today() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const long long seconds = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  const std::chrono::sys_days days{std::chrono::days{(seconds + core::kVietnamUtcOffset) / 86400}};
  const std::chrono::year_month_day day{days};
  return {static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
          static_cast<int>(static_cast<unsigned>(day.day()))};
}

const nlohmann::json& reply_member(const nlohmann::json& j, const char* key) {
  return feedback_ui::member(j, key);
}

}  // namespace

void FilingForm::enter(AppContext& ctx, const std::string& code) {
  if (code != code_ || ctx.session.owner() != owner_) {
    *this = FilingForm{};
    code_ = code;
    owner_ = ctx.session.owner();
  }
  loader_.load(ctx, code);
}

void FilingForm::start(AppContext& ctx) {
  started_ = true;
  groups_ = core::form_groups(loader_.procedure().form);
  draft_ = state::AccountCache("dossier/draft/" + code_);
  draft_.open(owner_, ctx.replies);
  prefill_.start(ctx.api, "GET", "/api/v1/dossiers/prefill");
}

// The account's own values fill the fields that name them and are still blank.
void FilingForm::apply_prefill(const std::string& body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  const auto& prefill = reply_member(j, "prefill");
  for (const core::FormField& field : loader_.procedure().form.fields) {
    if (field.prefill.empty() || !prefill.is_object() || !prefill.contains(field.prefill)) continue;
    const auto& given = prefill[field.prefill];
    auto& value = values_[field.key];
    if (!form_value_blank(value)) continue;
    if (given.is_string()) {
      value = given.get<std::string>();
      prefilled_ = true;
    } else if (given.is_object() && field.type == core::FieldType::kAddress) {
      value = core::AddressValue{api::str(given, "commune"), api::str(given, "street")};
      prefilled_ = true;
    }
  }
}

core::FormValues FilingForm::given_values() const {
  core::FormValues out;
  for (const auto& [key, value] : values_)
    if (!form_value_blank(value)) out.emplace(key, value);
  return out;
}

bool FilingForm::check_step(AppContext& ctx, int step) {
  const core::FormDefinition& form = loader_.procedure().form;
  const core::FormValues values = given_values();
  const auto found = ctx.i18n.t(core::validate_form(form, values, vietnam_today()));
  bool clean = true;
  for (const core::FormField& field : form.fields) {
    if (step >= 0 && field.group != groups_[step]) continue;
    errors_.erase(field.key);
    if (const auto it = found.find(field.key); it != found.end()) {
      errors_[field.key] = it->second;
      clean = false;
    }
  }
  return clean;
}

bool FilingForm::check_papers(AppContext& ctx) {
  for (auto it = errors_.begin(); it != errors_.end();)
    it = it->first.starts_with("papers.") ? errors_.erase(it) : std::next(it);
  const auto found =
      ctx.i18n.t(core::validate_papers(loader_.procedure(), papers_.files_to_check()));
  for (const auto& [key, text] : found) errors_[key] = text;
  return found.empty();
}

void FilingForm::go_to(int step) {
  step_ = step;
  banner_.clear();
}

void FilingForm::keep_draft() {
  if (!started_ || !draft_read_ || owner_.empty()) return;
  nlohmann::json files = core::paper_files_json<nlohmann::json>(papers_.files());
  const nlohmann::json draft = {{"version", loader_.procedure().version},
                                {"step", step_},
                                {"values", core::form_values_json<nlohmann::json>(given_values())},
                                {"papers", files}};
  const std::string text = draft.dump();
  if (text == kept_draft_) return;
  kept_draft_ = text;
  draft_.keep(owner_, text);
}

void FilingForm::send(AppContext& ctx) {
  const core::DossierSubmission submission{
      .procedure_code = code_,
      .version = loader_.procedure().version,
      .values = core::kept_values(loader_.procedure().form, given_values()),
      .papers = papers_.files()};
  nlohmann::json pending = nlohmann::json::array();
  state::OutboxItem item{.kind = std::string(state::kDossierKind),
                         .owner = owner_,
                         .key = state::new_idempotency_key()};
  for (const PendingFile& f : papers_.pending()) {
    pending.push_back({{"paper", f.paper}, {"kind", f.kind}});
    item.uploads.push_back({f.store_key, ""});
  }
  item.form = {{"submission", core::dossier_submission_json<nlohmann::json>(submission)},
               {"pending", pending}};
  queued_key_ = item.key;
  banner_.clear();
  ctx.outbox.add(std::move(item));
  ctx.outbox.network_changed();  // try at once
}

// A refusal names fields as "values.<key>" and papers as "papers.<code>": each goes under its
// field, and the form opens on the first step that has one.
void FilingForm::take_refusal(const api::ApiError& error) {
  banner_ = error.message;
  int first = -1;
  for (const auto& [key, text] : error.fields) {
    if (key.starts_with("values.")) {
      const std::string field_key = key.substr(7);
      errors_[field_key] = text;
      const core::FormField* field = core::find_field(loader_.procedure().form, field_key);
      for (int i = 0; field && i < static_cast<int>(groups_.size()); ++i)
        if (groups_[i] == field->group && (first < 0 || i < first)) first = i;
    } else if (key.starts_with("papers.")) {
      errors_[key] = text;
      if (first < 0) first = papers_step();
    }
  }
  if (first >= 0) step_ = first;
}

void FilingForm::take_answers(AppContext& ctx) {
  if (auto r = prefill_.poll(ctx.api); r && r->ok()) apply_prefill(r->body);
  if (!draft_read_) {
    auto kept = draft_.take(ctx.replies);
    draft_read_ = !draft_.reading();
    if (kept) {
      const auto j = nlohmann::json::parse(*kept, nullptr, false);
      // A draft of an earlier version of the form is dropped: its fields may have changed.
      if (j.is_object() && api::integer(j, "version") == loader_.procedure().version) {
        for (auto& [key, value] : core::form_values_from_json(reply_member(j, "values")))
          values_[key] = value;
        papers_.restore(core::paper_files_from_json(reply_member(j, "papers")));
        step_ = std::clamp(static_cast<int>(api::integer(j, "step")), 0, review_step());
      }
    }
  }
  papers_.take(ctx);
  if (std::string message = papers_.take_message(); !message.empty()) banner_ = message;
  if (queued_key_.empty()) return;
  if (ctx.outbox.last_sent_key() == queued_key_) {
    draft_.keep(owner_, "");  // filed: the draft goes
    sent_ = true;
    ctx.nav.go(core::services_route(core::ServicesPage::kReceipt, ctx.outbox.last_sent_code()));
  } else if (const state::RefusedItem* refused = ctx.outbox.find_refused(owner_, queued_key_)) {
    // Back to its form: the files the outbox uploaded keep their ids, the messages go under
    // their fields, and the outbox forgets it (the form is where it is fixed and sent again).
    std::vector<std::pair<std::string, std::string>> uploaded;
    for (const state::Upload& u : refused->item.uploads) uploaded.emplace_back(u.key, u.media_id);
    papers_.uploaded_elsewhere(uploaded);
    take_refusal(refused->error);
    ctx.outbox.forget_refused(owner_, queued_key_, /*drop_uploads=*/true);
    queued_key_.clear();
  }
}

void FilingForm::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_) enter(ctx, code_);  // another account: its own form
  if (!payments_ui::require_account(ctx)) return;
  if (!loader_.draw_state(ctx, width)) return;
  if (!started_) start(ctx);
  take_answers(ctx);
  if (sent_) {  // on its way to the receipt: nothing of it stays, not even as a draft
    *this = FilingForm{};
    return;
  }
  ui::heading(ctx, "services.filing.form_name", loader_.procedure().name.c_str(), 2);
  const int total = review_step() + 1;
  std::string step_name;
  if (step_ < papers_step())
    step_name = groups_[step_].empty() ? ctx.t("services.filing.applicant") : groups_[step_];
  else
    step_name = ctx.t(step_ == papers_step() ? "services.filing.papers" : "services.filing.review");
  const std::string step_text = filing_text(
      ctx, "services.filing.step", {std::to_string(step_ + 1), std::to_string(total), step_name});
  ui::paragraph(ctx, "services.filing.step", step_text.c_str(), ui::Theme::kMutedText);
  if (!banner_.empty()) ui::status_banner(ctx, "services.filing.banner", banner_.c_str());
  if (step_ < papers_step())
    draw_fields(ctx, width);
  else if (step_ == papers_step())
    draw_papers(ctx, width);
  else
    draw_review(ctx, width);
  keep_draft();
}

void FilingForm::draw_fields(AppContext& ctx, float width) {
  if (prefilled_ && step_ == 0)
    ui::paragraph(ctx, "services.filing.prefilled", ctx.t("services.filing.prefilled"),
                  ui::Theme::kMutedText);
  const core::FormDefinition& form = loader_.procedure().form;
  const core::FormValues values = given_values();
  for (const core::FormField& field : form.fields) {
    if (field.group != groups_[step_] || !core::is_field_shown(form, field, values)) continue;
    const auto error = errors_.find(field.key);
    draw_form_field(ctx, field, values_[field.key],
                    error == errors_.end() ? std::string() : error->second);
  }
  if (ui::button(ctx, "services.filing.next", ctx.t("services.filing.next"),
                 ui::ButtonKind::kPrimary, width)) {
    if (check_step(ctx, step_))
      go_to(step_ + 1);
    else
      banner_ = ctx.t("services.filing.fix_errors");
  }
  if (step_ > 0 && ui::button(ctx, "services.filing.back", ctx.t("services.filing.back"),
                              ui::ButtonKind::kSecondary, width))
    go_to(step_ - 1);
}

void FilingForm::draw_papers(AppContext& ctx, float width) {
  // Once told what is missing, the messages follow what is attached: a paper's error goes when
  // its file comes, and the banner with the last one.
  const bool told = std::any_of(errors_.begin(), errors_.end(),
                                [](const auto& e) { return e.first.starts_with("papers."); });
  if (told && check_papers(ctx) && banner_ == ctx.t("services.filing.fix_errors")) banner_.clear();
  for (const core::Paper& paper : loader_.procedure().papers) {
    const auto error = errors_.find("papers." + paper.code);
    papers_.draw_paper(ctx, paper, error == errors_.end() ? std::string() : error->second, width);
  }
  if (ui::button(ctx, "services.filing.review", ctx.t("services.filing.review"),
                 ui::ButtonKind::kPrimary, width) &&
      !papers_.uploading()) {
    if (check_papers(ctx))
      go_to(review_step());
    else
      banner_ = ctx.t("services.filing.fix_errors");
  }
  if (ui::button(ctx, "services.filing.back", ctx.t("services.filing.back"),
                 ui::ButtonKind::kSecondary, width))
    go_to(step_ - 1);
}

void FilingForm::draw_review(AppContext& ctx, float width) {
  const core::FormDefinition& form = loader_.procedure().form;
  const core::FormValues values = given_values();
  for (int step = 0; step < papers_step(); ++step) {
    const std::string id = "services.filing.review." + std::to_string(step);
    const std::string name =
        groups_[step].empty() ? ctx.t("services.filing.applicant") : groups_[step];
    ui::heading(ctx, id.c_str(), name.c_str(), 3);
    for (const core::FormField& field : form.fields) {
      if (field.group != groups_[step] || !core::is_field_shown(form, field, values)) continue;
      const auto it = values.find(field.key);
      std::string text = it == values.end() ? "" : form_value_text(ctx, field, it->second);
      if (text.empty()) text = ctx.t("services.filing.not_given");
      feedback_ui::fact(ctx, (id + "." + field.key).c_str(), field.label.c_str(), text);
    }
    const std::string edit_name = std::string(ctx.t("services.filing.edit")) + ": " + name;
    if (ui::button(ctx, (id + ".edit").c_str(), ctx.t("services.filing.edit"), edit_name,
                   ui::ButtonKind::kSecondary, width * 0.4f))
      go_to(step);
  }
  ui::heading(ctx, "services.filing.review.papers", ctx.t("services.filing.papers"), 3);
  for (const core::Paper& paper : loader_.procedure().papers) {
    const std::size_t n = papers_.count(paper.code);
    if (n == 0) continue;
    feedback_ui::fact(ctx, ("services.filing.review.paper." + paper.code).c_str(),
                      paper.name.c_str(), std::to_string(n));
  }
  const std::string edit_papers =
      std::string(ctx.t("services.filing.edit")) + ": " + ctx.t("services.filing.papers");
  if (ui::button(ctx, "services.filing.review.papers.edit", ctx.t("services.filing.edit"),
                 edit_papers, ui::ButtonKind::kSecondary, width * 0.4f))
    go_to(papers_step());
  if (!queued_key_.empty()) {
    ui::paragraph(
        ctx, "services.filing.sending",
        ctx.t(ctx.connectivity.offline() ? "services.filing.queued" : "services.filing.sending"),
        ui::Theme::kMutedText);
    return;  // nothing to change while it is on its way
  }
  if (papers_.uploading()) {
    ui::paragraph(ctx, "services.filing.uploading_wait", ctx.t("services.filing.uploading"),
                  ui::Theme::kMutedText);
  } else if (ui::button(ctx, "services.filing.send", ctx.t("services.filing.send"),
                        ui::ButtonKind::kPrimary, width)) {
    const bool fields_ok = check_step(ctx, -1);
    if (fields_ok && check_papers(ctx)) {
      send(ctx);
    } else {
      banner_ = ctx.t("services.filing.fix_errors");
    }
  }
  if (ui::button(ctx, "services.filing.back", ctx.t("services.filing.back"),
                 ui::ButtonKind::kSecondary, width))
    go_to(step_ - 1);
}

}  // namespace cdscb::app::screens
