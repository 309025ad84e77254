#include "core/survey.h"

#include "core/feedback.h"
#include "core/message.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

constexpr SurveyQuestion kQuestions[] = {
    {1, "services.survey.q1"},   {2, "services.survey.q2"},   {3, "services.survey.q3"},
    {4, "services.survey.q4"},   {6, "services.survey.q6"},   {7, "services.survey.q7"},
    {10, "services.survey.q10"}, {11, "services.survey.q11"},
};

bool is_question(int index) {
  for (const auto& q : kQuestions)
    if (q.index == index) return true;
  return false;
}

}  // namespace

std::span<const SurveyQuestion> survey_questions() { return kQuestions; }

std::string survey_answer_label_key(int value) {
  return "services.survey.answer_" + std::to_string(value);
}

FieldErrors validate_survey(const SurveyAnswers& a) {
  FieldErrors errors;
  for (const auto& [index, value] : a.answers)
    if (!is_question(index))
      errors["q" + std::to_string(index)] =
          message(kFormUnknownField, {"q" + std::to_string(index)});
  for (const auto& q : kQuestions) {
    const auto it = a.answers.find(q.index);
    if (it == a.answers.end() || it->second < kNotSatisfied || it->second > kVerySatisfied)
      errors["q" + std::to_string(q.index)] = kSurveyAnswerRequired;
  }
  if (!is_valid_utf8(a.comment)) {
    errors["comment"] = kFeedbackInvalidText;
  } else if (count_code_points(trim_blank(a.comment)) > kSurveyCommentMax) {
    errors["comment"] = message(kFormTooLong, {std::to_string(kSurveyCommentMax)});
  }
  return errors;
}

int survey_score(const SurveyAnswers& a) {
  int total = 0;
  for (const auto& q : kQuestions) {
    const auto it = a.answers.find(q.index);
    if (it != a.answers.end() && it->second >= kNotSatisfied && it->second <= kVerySatisfied)
      total += it->second;
  }
  return total;
}

}  // namespace cdscb::core
