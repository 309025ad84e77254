#include "app/screens/feedback_similar.h"

#include <imgui.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/widgets.h"
#include "core/feedback_listed_json.h"

namespace cdscb::app::screens {

void FeedbackSimilar::ask(AppContext& ctx, const core::FeedbackDraft& draft) {
  if (similar_.waiting() || !draft.location) return;
  similar_.start(ctx.api, "GET",
                 "/api/v1/feedback/similar?field=" + state::url_encode(draft.field) +
                     "&lat=" + feedback_ui::coordinate(draft.location->lat) +
                     "&lng=" + feedback_ui::coordinate(draft.location->lng));
}

FeedbackSimilar::Outcome FeedbackSimilar::take_answers(AppContext& ctx) {
  Outcome outcome = Outcome::kNone;
  if (auto r = similar_.poll(ctx.api)) {
    const auto body = r->ok() ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
    items_ = core::listed_feedback_items_from_json(&feedback_ui::member(body, "items"));
    if (items_.empty()) outcome = Outcome::kSend;  // nothing similar (or offline): send
  }
  if (auto r = follow_.poll(ctx.api)) {
    follow_message_ = r->ok() ? ctx.t("feedback.followed") : api::error_of(*r).message;
    if (r->ok()) items_.clear();
  }
  return outcome;
}

void FeedbackSimilar::draw_message(AppContext& ctx) const {
  if (!follow_message_.empty())
    ui::status_banner(ctx, "feedback.follow_message", follow_message_.c_str());
}

FeedbackSimilar::Outcome FeedbackSimilar::draw(AppContext& ctx, float width) {
  ui::heading(ctx, "feedback.similar", ctx.t("feedback.similar"), 2);
  ui::paragraph(ctx, "feedback.similar_intro", ctx.t("feedback.similar_intro"),
                ui::Theme::kMutedText);
  int i = 0;
  std::map<std::string, int> named;  // two unpublished ones of one day and distance: "(2)"
  for (const core::ListedFeedback& item : items_) {
    const std::string id = "feedback.similar." + std::to_string(i++);
    // Someone else's unpublished feedback has no title: it is named by field and day, placed by
    // a rounded distance and followed by its token.
    const std::string title = feedback_ui::list_name(ctx, item);
    std::string line = item.status_label();
    std::string name = std::string(ctx.t("feedback.follow")) + ": " + title;
    if (!item.record) {
      char distance[64];
      std::snprintf(distance, sizeof distance, ctx.t("feedback.distance"),
                    static_cast<int>(item.follower.distance_m.value_or(0)));
      line += std::string(" · ") + distance;
      name += std::string(", ") + distance;
    }
    if (const int seen = named[name]++; seen > 0) name += " (" + std::to_string(seen + 1) + ")";
    feedback_ui::card(ctx, id.c_str(), title, line);
    // The guide's label on each, and a name that says which one it follows.
    if (ui::button(ctx, (id + ".follow").c_str(), ctx.t("feedback.follow"), name,
                   ui::ButtonKind::kSecondary, width) &&
        !follow_.waiting()) {
      if (item.record)
        follow_.start(ctx.api, "POST",
                      "/api/v1/feedback/" + std::to_string(item.record->id) + "/follow");
      else
        follow_.start(ctx.api, "POST", "/api/v1/feedback/following",
                      nlohmann::json({{"token", item.follower.follow_token}}).dump());
    }
    ImGui::Dummy(ImVec2(0, 8));  // each button stays with the card above it
  }
  return ui::button(ctx, "feedback.send_anyway", ctx.t("feedback.send_anyway"),
                    ui::ButtonKind::kPrimary, width)
             ? Outcome::kSend
             : Outcome::kNone;
}

}  // namespace cdscb::app::screens
