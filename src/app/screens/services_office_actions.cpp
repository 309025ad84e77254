#include "app/screens/services_office_actions.h"

#include <imgui.h>

#include <sstream>

#include "app/api/json.h"
#include "app/platform/document.h"
#include "app/platform/photo.h"
#include "app/platform/upload.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"
#include "core/dossier.h"
#include "core/message.h"
#include "core/supplement.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

constexpr long long kResultMaxBytes = 10LL * 1024 * 1024;

// The API's route of an action of the status table.
std::string route_of(std::string_view action, bool after_supplement) {
  if (action == core::kActionReceive) return after_supplement ? "accept-supplement" : "receive";
  if (action == core::kActionRequestSupplement) return "request-supplement";
  if (action == core::kActionStart) return "process";
  if (action == core::kActionReturn) return "return-result";
  if (action == core::kActionFeePaid) return "fee-paid";
  return std::string(action);
}

// Actions taken at once, without a form.
bool immediate(std::string_view action) {
  return action == core::kActionReceive || action == core::kActionStart ||
         action == core::kActionFinish || action == core::kActionFeePaid;
}

// What the guards read, from the dossier's JSON (the server decides again with its own clock).
core::DossierFacts facts_of(const nlohmann::json& d) {
  core::DossierFacts facts;
  facts.overdue = api::boolean(d, "overdue");
  facts.apology_sent = !api::str(d, "apology_at").empty();
  const std::string deadline = api::str(feedback_ui::member(d, "supplement"), "deadline");
  facts.supplement_expired = !deadline.empty() && office_ui::days_late(deadline) > 0;
  for (const auto& e : feedback_ui::member(d, "timeline"))
    if (api::str(e, "action") == core::kActionStart) facts.processing_started = true;
  return facts;
}

// Whether the citizen's supplement came after the last receipt: "Tiếp nhận bổ sung".
bool waits_after_supplement(const nlohmann::json& d) {
  bool after = false;
  for (const auto& e : feedback_ui::member(d, "timeline")) {
    const std::string action = api::str(e, "action");
    if (action == core::kActionSupplement) after = true;
    if (action == core::kActionReceive) after = false;
  }
  return after;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
  return lines;
}

}  // namespace

void ServicesOfficeActions::reset() {
  const auto procedure = std::move(procedure_);
  const auto agencies = std::move(agencies_);
  const bool asked = agencies_asked_;
  *this = {};
  procedure_ = procedure;
  agencies_ = agencies;
  agencies_asked_ = asked;
}

std::string ServicesOfficeActions::error_at(const std::string& key) const {
  auto it = field_errors_.find(key);
  return it == field_errors_.end() ? std::string() : it->second;
}

void ServicesOfficeActions::take_answers(AppContext& ctx) {
  agencies_.take(ctx.api, ctx.replies);
  if (!pick_request_.empty()) {
    if (auto reply = ctx.replies.take(pick_request_)) {
      pick_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      // A document answers {"url","name"}; photos {"photos":[{"url"}]}.
      std::string url = api::str(j, "url");
      std::string name = api::str(j, "name");
      const auto& photos = feedback_ui::member(j, "photos");
      if (url.empty() && photos.is_array() && !photos.empty()) {
        url = api::str(photos[0], "url");
        name = ctx.t("services.office.result_photo");
      }
      if (api::str(j, "error") == "too_large")
        field_errors_["media"] = ctx.t("services.office.file_too_large");
      if (!url.empty()) {
        file_url_ = url;
        file_name_ = name;
        media_id_.clear();
        field_errors_.erase("media");
      }
    }
  }
  if (!upload_request_.empty()) {
    if (auto reply = ctx.replies.take(upload_request_)) {
      upload_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      api::Response r{static_cast<int>(api::integer(j, "status")), api::str(j, "body")};
      if (!r.ok()) {
        field_errors_["media"] = api::error_of(r).message;
        posted_.clear();
      } else {
        auto body = nlohmann::json::parse(r.body, nullptr, false);
        media_id_ = api::str(feedback_ui::member(body, "file"), "id");
        submit(ctx);  // now with the file's id
      }
    }
  }
  if (auto r = act_.poll(ctx.api)) {
    posted_.clear();
    if (r->ok()) {
      auto body = nlohmann::json::parse(r->body, nullptr, false);
      reset();  // the forms start empty on the updated dossier
      updated_ = feedback_ui::member(body, "dossier");
    } else {
      const api::ApiError failure = api::error_of(*r);
      error_ = failure.message;
      if (failure.code == "apology_required") {
        apology_needed_ = true;  // the form of the apology letter opens under "Trả kết quả"
        if (new_date_.empty()) new_date_ = office_ui::vietnam_today(3);
      }
      for (const auto& [key, message] : failure.fields) field_errors_[key] = message;
    }
  }
}

void ServicesOfficeActions::post(AppContext& ctx, const std::string& action,
                                 const nlohmann::json& body) {
  posted_ = action;
  error_.clear();
  act_.start(ctx.api, "POST",
             "/api/v1/officer/dossiers/" + code_ + "/" + route_of(action, after_supplement_),
             body.dump());
}

// The open form's body, checked here first where core has the rule (the server checks again).
void ServicesOfficeActions::submit(AppContext& ctx) {
  field_errors_.clear();
  const auto text = [&](std::string_view key) { return ctx.t(key); };
  if (open_ == core::kActionRequestSupplement) {
    core::SupplementRequest request{lines_of(items_), {}, reason_, 0};
    if (procedure_)
      for (std::size_t i = 0; i < papers_.size() && i < procedure_->papers.size(); ++i)
        if (papers_[i]) request.papers.push_back(procedure_->papers[i].code);
    request.days = std::atoi(days_.c_str());
    if (procedure_)
      for (const auto& [key, message] : core::validate_supplement_request(request, *procedure_))
        field_errors_[key] = core::fill_message(message, text);
    if (field_errors_.empty())
      post(ctx, open_, core::supplement_request_json<nlohmann::json>(request));
    return;
  }
  if (open_ == core::kActionTransfer) {
    if (agency_ < 0) field_errors_["agency"] = ctx.t("services.office.agency_needed");
    if (note_.empty()) field_errors_["note"] = ctx.t("services.office.note_needed");
    if (field_errors_.empty())
      post(ctx, open_, {{"agency", agencies_.code_at(agency_)}, {"note", note_}});
    return;
  }
  if (open_ == core::kActionRefuse || open_ == core::kActionStop) {
    if (reason_.empty()) field_errors_["reason"] = ctx.t("services.office.reason_needed");
    if (field_errors_.empty()) post(ctx, open_, {{"reason", reason_}});
    return;
  }
  if (open_ == core::kActionApologize) {
    if (reason_.empty()) field_errors_["reason"] = ctx.t("services.office.reason_needed");
    if (field_errors_.empty()) post(ctx, open_, {{"reason", reason_}, {"new_date", new_date_}});
    return;
  }
  if (open_ == core::kActionReturn) {
    if (file_url_.empty()) field_errors_["media"] = ctx.t("services.office.result_needed");
    if (number_.empty()) field_errors_["number"] = ctx.t("services.office.number_needed");
    if (!field_errors_.empty()) return;
    posted_ = open_;
    if (media_id_.empty()) {  // upload first; the answer calls submit again
      upload_request_ =
          ctx.replies.expect(platform::upload::post_blob(file_url_, "/api/v1/dossiers/files"));
      return;
    }
    post(ctx, open_, {{"media", media_id_}, {"number", number_}, {"date", date_}});
  }
}

void ServicesOfficeActions::draw_supplement(AppContext& ctx, float width) {
  ui::text_area(ctx, "services.office.items", ctx.t("services.office.items"), items_, 4,
                {.placeholder = ctx.t("services.office.items_hint"), .error = error_at("items")});
  if (procedure_ && !procedure_->papers.empty()) {
    ui::paragraph(ctx, "services.office.papers", ctx.t("services.office.papers"));
    papers_.resize(procedure_->papers.size());
    for (std::size_t i = 0; i < papers_.size(); ++i) {
      bool on = papers_[i];
      const std::string id = "services.office.paper." + std::to_string(i);
      if (ui::checkbox(ctx, id.c_str(), procedure_->papers[i].name.c_str(), on)) papers_[i] = on;
    }
    if (!error_at("papers").empty())
      ui::paragraph(ctx, "services.office.papers_error", error_at("papers").c_str(),
                    ui::Theme::kError);
  }
  ui::text_area(ctx, "services.office.reason", ctx.t("services.office.reason"), reason_, 3,
                {.error = error_at("reason")});
  ui::text_field(ctx, "services.office.days", ctx.t("services.office.days"), days_,
                 {.placeholder = "7", .input = "number", .error = error_at("days")});
  if (ui::button(ctx, "services.office.send_supplement", ctx.t("services.office.send_supplement"),
                 ui::ButtonKind::kPrimary, width))
    submit(ctx);
}

void ServicesOfficeActions::draw_result(AppContext& ctx, float width) {
  if (apology_needed_) {
    ui::status_banner(ctx, "services.office.apology_needed",
                      ctx.t("services.office.apology_needed"));
    ui::heading(ctx, "services.office.apology", ctx.t("services.action.apologize"), 3);
    ui::text_area(ctx, "services.office.apology_reason", ctx.t("services.office.apology_reason"),
                  reason_, 3, {.error = error_at("reason")});
    ui::text_field(ctx, "services.office.new_date", ctx.t("services.office.new_date"), new_date_,
                   {.placeholder = "YYYY-MM-DD", .input = "day", .error = error_at("new_date")});
    if (ui::button(ctx, "services.office.send_apology", ctx.t("services.office.send_apology"),
                   ui::ButtonKind::kPrimary, width)) {
      open_ = std::string(core::kActionApologize);
      submit(ctx);
      open_ = std::string(core::kActionReturn);
    }
    return;
  }
  if (!file_name_.empty()) {
    const std::string chosen =
        std::string(ctx.t("services.office.result_file")) + ": " + file_name_;
    ui::paragraph(ctx, "services.office.result_chosen", chosen.c_str());
  }
  if (ui::button(ctx, "services.office.pick_pdf", ctx.t("services.office.pick_pdf"),
                 ui::ButtonKind::kSecondary, width) &&
      pick_request_.empty())
    pick_request_ =
        ctx.replies.expect(platform::document::pick("application/pdf,.pdf", kResultMaxBytes));
  if (ui::button(ctx, "services.office.pick_photo", ctx.t("services.office.pick_photo"),
                 ui::ButtonKind::kSecondary, width) &&
      pick_request_.empty())
    pick_request_ = ctx.replies.expect(platform::photo::pick(1));
  if (!error_at("media").empty())
    ui::paragraph(ctx, "services.office.media_error", error_at("media").c_str(), ui::Theme::kError);
  if (!number_.empty()) field_errors_.erase("number");  // typed since: the error is stale
  ui::text_field(ctx, "services.office.number", ctx.t("services.office.number"), number_,
                 {.placeholder = "123/QĐ-UBND", .error = error_at("number")});
  if (date_.empty()) date_ = office_ui::vietnam_today();
  ui::text_field(ctx, "services.office.date", ctx.t("services.office.date"), date_,
                 {.placeholder = "YYYY-MM-DD", .input = "day", .error = error_at("date")});
  if (ui::button(ctx, "services.office.send_result", ctx.t("services.office.send_result"),
                 ui::ButtonKind::kPrimary, width))
    submit(ctx);
}

void ServicesOfficeActions::draw_form(AppContext& ctx, float width) {
  if (open_ == core::kActionRequestSupplement) return draw_supplement(ctx, width);
  if (open_ == core::kActionReturn) return draw_result(ctx, width);
  if (open_ == core::kActionTransfer) {
    ui::combo(ctx, "services.office.agency", ctx.t("services.office.agency"), agency_,
              agencies_.names(), ctx.t("services.office.agency_hint"), error_at("agency"));
    ui::text_area(ctx, "services.office.note", ctx.t("services.office.note"), note_, 3,
                  {.error = error_at("note")});
  } else if (open_ == core::kActionApologize) {
    ui::text_area(ctx, "services.office.apology_reason", ctx.t("services.office.apology_reason"),
                  reason_, 3, {.error = error_at("reason")});
    if (new_date_.empty()) new_date_ = office_ui::vietnam_today(3);
    ui::text_field(ctx, "services.office.new_date", ctx.t("services.office.new_date"), new_date_,
                   {.placeholder = "YYYY-MM-DD", .input = "day", .error = error_at("new_date")});
  } else {  // refuse, stop
    ui::text_area(ctx, "services.office.reason", ctx.t("services.office.reason"), reason_, 3,
                  {.error = error_at("reason")});
  }
  if (ui::button(ctx, "services.office.confirm", ctx.t("services.office.confirm"),
                 ui::ButtonKind::kPrimary, width))
    submit(ctx);
}

std::optional<nlohmann::json> ServicesOfficeActions::draw(AppContext& ctx,
                                                          const nlohmann::json& dossier,
                                                          float width) {
  if (!agencies_asked_) {  // once per screen: the kept copy, then the server's answer
    agencies_asked_ = true;
    agencies_.refresh(ctx.api, ctx.replies);
  }
  code_ = api::str(dossier, "code");
  after_supplement_ = waits_after_supplement(dossier);
  take_answers(ctx);
  const auto actions =
      core::dossier_actions(api::str(dossier, "status"), core::kActorOfficer, facts_of(dossier));
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "services.office.actions", ctx.t("services.office.actions"), 2);
  if (!error_.empty()) ui::status_banner(ctx, "services.office.action_error", error_.c_str());
  if (actions.empty())
    ui::paragraph(ctx, "services.office.no_actions", ctx.t("services.office.no_actions"),
                  ui::Theme::kMutedText);
  const bool busy = !posted_.empty();
  for (const auto action : actions) {
    const std::string key = action == core::kActionReceive && after_supplement_
                                ? "services.office.accept_supplement"
                                : core::dossier_action_label_key(action);
    const std::string id = "services.office.action." + std::string(action);
    const bool is_open = open_ == action;
    if (ui::button(ctx, id.c_str(), ctx.t(key), ui::ButtonKind::kSecondary, width, is_open) &&
        !busy) {
      field_errors_.clear();
      error_.clear();
      if (immediate(action)) {
        open_.clear();
        post(ctx, std::string(action), nlohmann::json::object());
      } else {
        open_ = is_open ? std::string() : std::string(action);
      }
    }
    if (open_ == action) draw_form(ctx, width);
  }
  if (busy)
    ui::paragraph(ctx, "services.office.sending", ctx.t("services.office.sending"),
                  ui::Theme::kMutedText);
  return std::exchange(updated_, std::nullopt);
}

}  // namespace cdscb::app::screens
