#include "app/screens/feedback_detail.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/platform/map.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/feedback_json.h"

namespace cdscb::app::screens {

void FeedbackDetail::enter(AppContext& ctx, long long id) {
  if (id != id_) {
    feedback_.reset();
    actions_.reset();
    stars_ = -1;
    comment_.clear();
    reason_.clear();
  }
  id_ = id;
  error_.clear();
  act_error_.clear();
  load_.start(ctx.api, "GET", "/api/v1/feedback/" + std::to_string(id));
}

void FeedbackDetail::draw_answer(AppContext& ctx) {
  if (!feedback_->answer) return;
  const core::FeedbackAnswer& answer = *feedback_->answer;
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "feedback.answer", ctx.t("feedback.answer"), 2);
  std::string who;
  if (answer.by) {
    who = answer.by->name;
    if (!answer.by->agency.empty()) who += " — " + answer.by->agency;
  }
  feedback_ui::fact(ctx, "feedback.answer_by", ctx.t("feedback.answer_by"), who);
  feedback_ui::fact(ctx, "feedback.answer_at", ctx.t("feedback.answer_at"),
                    feedback_ui::local_time(answer.at.value_or("")));
  ui::paragraph(ctx, "feedback.answer_text", answer.text.c_str());
  feedback_ui::photo_row(ctx, "feedback.answer_photos", answer.photos);
}

void FeedbackDetail::draw_timeline(AppContext& ctx) {
  if (!feedback_->updates || feedback_->updates->empty()) return;
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "feedback.timeline", ctx.t("feedback.timeline"), 2);
  int i = 0;
  for (const core::FeedbackUpdate& u : *feedback_->updates) {
    const std::string id = "feedback.update." + std::to_string(i++);
    std::string line = feedback_ui::local_time(u.at) + " · " + u.actor.name.value_or("");
    std::string what = u.status_label.empty() ? u.action : u.status_label;
    if (u.action == "reopen") what = std::string(ctx.t("feedback.reopened")) + " · " + what;
    if (u.note && !u.note->empty()) what += ": " + *u.note;
    ui::paragraph(ctx, (id + ".at").c_str(), line.c_str(), ui::Theme::kMutedText);
    ui::paragraph(ctx, id.c_str(), what.c_str());
    feedback_ui::photo_row(ctx, (id + ".photos").c_str(), u.photos);
  }
}

void FeedbackDetail::draw_citizen(AppContext& ctx, float width) {
  if (const auto& rating = feedback_->rating) {
    std::string text =
        std::string(ctx.t("feedback.your_rating")) + ": " + std::to_string(rating->stars) + "/5";
    if (!rating->comment.empty()) text += " — " + rating->comment;
    ui::paragraph(ctx, "feedback.rating_shown", text.c_str());
  } else if (feedback_->finished()) {
    ImGui::Dummy(ImVec2(0, 8));
    ui::heading(ctx, "feedback.rate", ctx.t("feedback.rate"), 2);
    static const std::vector<std::string> kStars = {"1", "2", "3", "4", "5"};
    ui::combo(ctx, "feedback.stars", ctx.t("feedback.stars"), stars_, kStars,
              ctx.t("feedback.stars_hint"));
    ui::text_area(ctx, "feedback.comment", ctx.t("feedback.comment"), comment_, 3);
    if (ui::button(ctx, "feedback.send_rating", ctx.t("feedback.send_rating"),
                   ui::ButtonKind::kPrimary, width) &&
        !act_.waiting()) {
      if (stars_ < 0) {
        act_error_ = ctx.t("feedback.stars_needed");
      } else {
        act_error_.clear();
        nlohmann::json body = {{"stars", stars_ + 1}, {"comment", comment_}};
        act_.start(ctx.api, "POST", "/api/v1/feedback/" + std::to_string(id_) + "/rating",
                   body.dump());
      }
    }
  }
  if (feedback_->can_reopen) {
    ImGui::Dummy(ImVec2(0, 8));
    ui::text_area(ctx, "feedback.reopen_reason", ctx.t("feedback.reopen_reason"), reason_, 3);
    if (ui::button(ctx, "feedback.reopen", ctx.t("feedback.reopen"), ui::ButtonKind::kSecondary,
                   width) &&
        !act_.waiting()) {
      nlohmann::json body = {{"reason", reason_}};
      act_.start(ctx.api, "POST", "/api/v1/feedback/" + std::to_string(id_) + "/reopen",
                 body.dump());
    }
  }
  if (!act_error_.empty()) ui::status_banner(ctx, "feedback.rate_error", act_error_.c_str());
}

void FeedbackDetail::draw(AppContext& ctx, float width) {
  if (auto r = load_.poll(ctx.api)) {
    if (r->ok()) {
      const auto body = nlohmann::json::parse(r->body, nullptr, false);
      if (const auto* record = core::json_read::member(body, "feedback"))
        feedback_ = core::feedback_record_from_json(*record);
    } else {
      error_ = api::error_of(*r).message;
      // Not (or no longer) ours to see: show nothing rather than what an earlier visit loaded.
      if (r->status == 403 || r->status == 404) feedback_.reset();
    }
  }
  if (auto r = act_.poll(ctx.api)) {
    if (r->ok()) {
      act_error_.clear();
      load_.start(ctx.api, "GET", "/api/v1/feedback/" + std::to_string(id_));
    } else {
      act_error_ = api::error_of(*r).message;
    }
  }
  if (!error_.empty()) ui::status_banner(ctx, "feedback.detail_error", error_.c_str());
  if (!feedback_) return;
  const core::FeedbackRecord& f = *feedback_;

  ui::heading(ctx, "feedback.detail_title", f.title.c_str(), 2);
  std::string status = f.status_label;
  if (f.overdue) status += " · " + std::string(ctx.t("feedback.overdue"));
  if (f.reopened() && !f.finished()) status += " · " + std::string(ctx.t("feedback.reopened"));
  feedback_ui::fact(ctx, "feedback.status", ctx.t("feedback.status"), status);
  feedback_ui::fact(ctx, "feedback.detail_field", ctx.t("feedback.field"), f.field.name);
  feedback_ui::fact(ctx, "feedback.detail_agency", ctx.t("feedback.agency"), f.agency.name);
  feedback_ui::fact(ctx, "feedback.sent_at", ctx.t("feedback.sent_at"),
                    feedback_ui::local_time(f.created_at));
  if (!f.finished())
    feedback_ui::fact(ctx, "feedback.deadline", ctx.t("feedback.deadline"),
                      feedback_ui::local_time(f.answer_deadline));
  feedback_ui::fact(ctx, "feedback.author", ctx.t("feedback.author"), f.author.value_or(""));
  const auto& user = ctx.session.user();
  const bool official = user && user->official();
  if (official && f.assignee)
    feedback_ui::fact(ctx, "feedback.assignee_name", ctx.t("feedback.assignee"), f.assignee->name);
  ui::paragraph(ctx, "feedback.detail_content", f.content.c_str());

  {
    platform::map::View view;
    view.lat = view.pin_lat = f.location.lat;
    view.lon = view.pin_lon = f.location.lng;
    view.zoom = 16;
    view.pin = true;
    ctx.overlays.map("feedback.detail_map", 200.0f, view);
    std::string where =
        feedback_ui::coordinate(view.pin_lat) + ", " + feedback_ui::coordinate(view.pin_lon);
    feedback_ui::fact(ctx, "feedback.detail_coordinates", ctx.t("feedback.location"), where);
  }
  feedback_ui::fact(ctx, "feedback.detail_address", ctx.t("feedback.address"),
                    f.address.value_or(""));
  feedback_ui::fact(ctx, "feedback.detail_commune", ctx.t("feedback.commune"),
                    f.commune ? f.commune->name : "");
  feedback_ui::photo_row(ctx, "feedback.detail_photos", f.photos);

  draw_answer(ctx);
  // An officer acts for their agency only; after a transfer the feedback is another agency's.
  const bool ours = official && (user->admin() || user->agency == f.agency.code);
  if (ours) {
    // The answer is the whole feedback with its timeline, as this official may now see it.
    if (auto updated = actions_.draw(ctx, f, width)) feedback_ = std::move(updated);
  } else if (official) {
    ui::paragraph(ctx, "feedback.other_agency", ctx.t("feedback.other_agency"),
                  ui::Theme::kMutedText);
  } else if (user) {
    draw_citizen(ctx, width);
  }
  draw_timeline(ctx);
}

}  // namespace cdscb::app::screens
