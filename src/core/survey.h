#pragma once
// "Đánh giá mức độ hài lòng": after the result is returned, the citizen rates the dossier on the
// questions of the national scorecard (Decision 766/QĐ-TTg) that a citizen is asked — indices 1,
// 2, 3, 4, 6, 7, 10 and 11 of its 11 — each Rất hài lòng (2), Hài lòng (1) or Không hài lòng (0),
// and may add a comment. The question texts in public/i18n paraphrase the indices' subjects and
// are for an official to confirm against the scorecard's wording.
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/form_validation.h"

namespace cdscb::core {

struct SurveyQuestion {
  int index;                   // the scorecard's index (1–11)
  std::string_view label_key;  // "services.survey.q<index>"
};

// The eight questions, in the scorecard's order.
std::span<const SurveyQuestion> survey_questions();

inline constexpr int kVerySatisfied = 2;  // Rất hài lòng
inline constexpr int kSatisfied = 1;      // Hài lòng
inline constexpr int kNotSatisfied = 0;   // Không hài lòng
// "services.survey.answer_2" / "_1" / "_0".
std::string survey_answer_label_key(int value);

inline constexpr std::size_t kSurveyCommentMax = 2000;  // code points

struct SurveyAnswers {
  std::map<int, int> answers;  // question index → 0, 1 or 2
  std::string comment;         // optional
  bool operator==(const SurveyAnswers&) const = default;
};

inline constexpr std::string_view kSurveyAnswerRequired = "validation.survey.answer_required";

// Errors keyed "q<index>" (each question answered with 0–2; unknown indices refused) and
// "comment" (clean text, at most 2000 characters).
FieldErrors validate_survey(const SurveyAnswers& answers);

// The total over the questions (0 to 16), as the scorecard adds the points.
int survey_score(const SurveyAnswers& answers);

}  // namespace cdscb::core
