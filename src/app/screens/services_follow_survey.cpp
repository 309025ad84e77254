#include "app/screens/services_follow_survey.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/screens/services_follow_ui.h"
#include "app/ui/widgets.h"
#include "core/survey.h"

namespace cdscb::app::screens {
namespace {

// The combo lists the answers best first: index 0 is kVerySatisfied (2).
constexpr int kAnswers[] = {core::kVerySatisfied, core::kSatisfied, core::kNotSatisfied};

}  // namespace

void ServicesFollowSurvey::reset() { *this = {}; }

void ServicesFollowSurvey::draw_answered(AppContext& ctx, const nlohmann::json& survey) {
  ui::paragraph(ctx, "services.follow.survey_done", ctx.t("services.follow.survey_done"),
                ui::Theme::kMutedText);
  const auto answers = survey.is_object() && survey.contains("answers") ? survey["answers"]
                                                                        : nlohmann::json::object();
  for (const auto& q : core::survey_questions()) {
    const std::string key = std::to_string(q.index);
    if (!answers.is_object() || !answers.contains(key) || !answers[key].is_number_integer())
      continue;
    const std::string line = std::string(ctx.t(q.label_key)) + ": " +
                             ctx.t(core::survey_answer_label_key(answers[key].get<int>()));
    ui::paragraph(ctx, ("services.follow.survey_answer." + key).c_str(), line.c_str());
  }
  const std::string comment = api::str(survey, "comment");
  if (!comment.empty()) {
    const std::string line = std::string(ctx.t("services.follow.survey_comment")) + ": " + comment;
    ui::paragraph(ctx, "services.follow.survey_answer.comment", line.c_str());
  }
}

std::optional<nlohmann::json> ServicesFollowSurvey::draw(AppContext& ctx,
                                                         const nlohmann::json& dossier,
                                                         float width) {
  std::optional<nlohmann::json> updated;
  if (auto r = send_.poll(ctx.api)) {
    nlohmann::json body;
    if (services_follow_ui::take_body(*r, body, error_) && body.contains("dossier"))
      updated = body["dossier"];
  }
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "services.follow.survey", ctx.t("services.follow.survey"), 2);
  const auto& survey =
      dossier.is_object() && dossier.contains("survey") ? dossier["survey"] : nlohmann::json();
  if (survey.is_object()) {
    draw_answered(ctx, survey);
    return updated;
  }
  std::vector<std::string> options;
  for (const int a : kAnswers) options.push_back(ctx.t(core::survey_answer_label_key(a)));
  for (const auto& q : core::survey_questions()) {
    auto [it, _] = choice_.try_emplace(q.index, -1);
    const std::string id = "services.follow.survey.q" + std::to_string(q.index);
    const auto error = errors_.find("q" + std::to_string(q.index));
    if (ui::combo(ctx, id.c_str(), ctx.t(q.label_key), it->second, options,
                  ctx.t("services.follow.survey_choose"),
                  error == errors_.end() ? std::string_view() : std::string_view(error->second)))
      errors_.erase("q" + std::to_string(q.index));
  }
  const auto comment_error = errors_.find("comment");
  ui::text_area(
      ctx, "services.follow.survey.comment", ctx.t("services.follow.survey_comment"), comment_, 3,
      {.error = comment_error == errors_.end() ? std::string_view()
                                               : std::string_view(comment_error->second)});
  if (!error_.empty()) ui::status_banner(ctx, "services.follow.survey_error", error_.c_str());
  if (send_.waiting()) {
    ui::paragraph(ctx, "services.follow.survey_sending", ctx.t("services.follow.sending"),
                  ui::Theme::kMutedText);
  } else if (ui::button(ctx, "services.follow.survey_send", ctx.t("services.follow.survey_send"),
                        ui::ButtonKind::kPrimary, width)) {
    core::SurveyAnswers answers;
    for (const auto& [index, choice] : choice_)
      answers.answers[index] = choice >= 0 ? kAnswers[choice] : -1;
    answers.comment = comment_;
    errors_ = ctx.i18n.t(core::validate_survey(answers));
    error_.clear();
    if (errors_.empty()) {
      nlohmann::json body = {{"answers", nlohmann::json::object()}, {"comment", comment_}};
      for (const auto& [index, value] : answers.answers)
        body["answers"][std::to_string(index)] = value;
      send_.start(ctx.api, "POST", "/api/v1/dossiers/" + api::str(dossier, "code") + "/survey",
                  body.dump());
    } else {
      error_ = ctx.t("services.follow.survey_incomplete");
    }
  }
  return updated;
}

}  // namespace cdscb::app::screens
