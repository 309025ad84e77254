#include "app/screens/feedback_detail.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/platform/map.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"

namespace screens {

using feedback_ui::member;

void FeedbackDetail::enter(AppContext& ctx, long long id) {
  if (id != id_) {
    feedback_ = nlohmann::json();
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

// Whether the author reopened it (the timeline says so; reopening is allowed once).
bool FeedbackDetail::reopened() const {
  for (const auto& u : member(feedback_, "updates"))
    if (api::str(u, "action") == "reopen") return true;
  return false;
}

void FeedbackDetail::draw_answer(AppContext& ctx) {
  const auto& answer = member(feedback_, "answer");
  if (!answer.is_object()) return;
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "feedback.answer", ctx.t("feedback.answer"), 2);
  const auto& by = member(answer, "by");
  std::string who = api::str(by, "name");
  if (!api::str(by, "agency").empty()) who += " — " + api::str(by, "agency");
  feedback_ui::fact(ctx, "feedback.answer_by", ctx.t("feedback.answer_by"), who);
  feedback_ui::fact(ctx, "feedback.answer_at", ctx.t("feedback.answer_at"),
                    feedback_ui::local_time(api::str(answer, "at")));
  ui::paragraph(ctx, "feedback.answer_text", api::str(answer, "text").c_str());
  feedback_ui::photo_row(ctx, "feedback.answer_photos", member(answer, "photos"));
}

void FeedbackDetail::draw_timeline(AppContext& ctx) {
  const auto& updates = member(feedback_, "updates");
  if (!updates.is_array() || updates.empty()) return;
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "feedback.timeline", ctx.t("feedback.timeline"), 2);
  int i = 0;
  for (const auto& u : updates) {
    const std::string id = "feedback.update." + std::to_string(i++);
    std::string line =
        feedback_ui::local_time(api::str(u, "at")) + " · " + api::str(member(u, "actor"), "name");
    std::string what = api::str(u, "status_label", api::str(u, "action"));
    if (api::str(u, "action") == "reopen")
      what = std::string(ctx.t("feedback.reopened")) + " · " + what;
    if (!api::str(u, "note").empty()) what += ": " + api::str(u, "note");
    ui::paragraph(ctx, (id + ".at").c_str(), line.c_str(), ui::Theme::kMutedText);
    ui::paragraph(ctx, id.c_str(), what.c_str());
    feedback_ui::photo_row(ctx, (id + ".photos").c_str(), member(u, "photos"));
  }
}

void FeedbackDetail::draw_citizen(AppContext& ctx, float width) {
  const std::string status = api::str(feedback_, "status");
  const auto& rating = member(feedback_, "rating");
  if (rating.is_object()) {
    std::string text = std::string(ctx.t("feedback.your_rating")) + ": " +
                       std::to_string(api::integer(rating, "stars")) + "/5";
    if (!api::str(rating, "comment").empty()) text += " — " + api::str(rating, "comment");
    ui::paragraph(ctx, "feedback.rating_shown", text.c_str());
  } else if (status == "resolved" || status == "rejected") {
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
  if (api::boolean(feedback_, "can_reopen")) {
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
      feedback_ = member(nlohmann::json::parse(r->body, nullptr, false), "feedback");
    } else {
      error_ = api::error_of(*r).message;
      // Not (or no longer) ours to see: show nothing rather than what an earlier visit loaded.
      if (r->status == 403 || r->status == 404) feedback_ = nlohmann::json();
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
  if (!feedback_.is_object()) return;

  ui::heading(ctx, "feedback.detail_title", api::str(feedback_, "title").c_str(), 2);
  const bool finished =
      api::str(feedback_, "status") == "resolved" || api::str(feedback_, "status") == "rejected";
  std::string status = api::str(feedback_, "status_label");
  if (api::boolean(feedback_, "overdue")) status += " · " + std::string(ctx.t("feedback.overdue"));
  if (reopened() && !finished) status += " · " + std::string(ctx.t("feedback.reopened"));
  feedback_ui::fact(ctx, "feedback.status", ctx.t("feedback.status"), status);
  feedback_ui::fact(ctx, "feedback.detail_field", ctx.t("feedback.field"),
                    api::str(member(feedback_, "field"), "name"));
  feedback_ui::fact(ctx, "feedback.detail_agency", ctx.t("feedback.agency"),
                    api::str(member(feedback_, "agency"), "name"));
  feedback_ui::fact(ctx, "feedback.sent_at", ctx.t("feedback.sent_at"),
                    feedback_ui::local_time(api::str(feedback_, "created_at")));
  if (!finished)
    feedback_ui::fact(ctx, "feedback.deadline", ctx.t("feedback.deadline"),
                      feedback_ui::local_time(api::str(feedback_, "answer_deadline")));
  feedback_ui::fact(ctx, "feedback.author", ctx.t("feedback.author"),
                    api::str(member(feedback_, "author"), "name"));
  const auto& user = ctx.session.user();
  const bool official = user && user->official();
  if (official && member(feedback_, "assignee").is_object())
    feedback_ui::fact(ctx, "feedback.assignee_name", ctx.t("feedback.assignee"),
                      api::str(member(feedback_, "assignee"), "name"));
  ui::paragraph(ctx, "feedback.detail_content", api::str(feedback_, "content").c_str());

  const auto& loc = member(feedback_, "location");
  if (member(loc, "lat").is_number() && member(loc, "lng").is_number()) {
    platform::map::View view;
    view.lat = view.pin_lat = member(loc, "lat").get<double>();
    view.lon = view.pin_lon = member(loc, "lng").get<double>();
    view.zoom = 16;
    view.pin = true;
    ctx.overlays.map("feedback.detail_map", 200.0f, view);
    std::string where =
        feedback_ui::coordinate(view.pin_lat) + ", " + feedback_ui::coordinate(view.pin_lon);
    feedback_ui::fact(ctx, "feedback.detail_coordinates", ctx.t("feedback.location"), where);
  }
  feedback_ui::fact(ctx, "feedback.detail_address", ctx.t("feedback.address"),
                    api::str(feedback_, "address"));
  feedback_ui::fact(ctx, "feedback.detail_commune", ctx.t("feedback.commune"),
                    api::str(member(feedback_, "commune"), "name"));
  feedback_ui::photo_row(ctx, "feedback.detail_photos", member(feedback_, "photos"));

  draw_answer(ctx);
  // An officer acts for their agency only; after a transfer the feedback is another agency's.
  const bool ours =
      official && (user->admin() || user->agency == api::str(member(feedback_, "agency"), "code"));
  if (ours) {
    // The answer is the whole feedback with its timeline, as this official may now see it.
    if (auto updated = actions_.draw(ctx, feedback_, width)) feedback_ = *updated;
  } else if (official) {
    ui::paragraph(ctx, "feedback.other_agency", ctx.t("feedback.other_agency"),
                  ui::Theme::kMutedText);
  } else if (user) {
    draw_citizen(ctx, width);
  }
  draw_timeline(ctx);
}

}  // namespace screens
