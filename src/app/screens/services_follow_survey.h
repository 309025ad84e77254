#pragma once
// "Đánh giá mức độ hài lòng" of a dossier whose result was returned: the scorecard's questions
// (core/survey.h), each Rất hài lòng / Hài lòng / Không hài lòng, and a comment, checked by core's
// validator and sent with POST /api/v1/dossiers/{code}/survey; once answered, what was answered.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class ServicesFollowSurvey {
 public:
  void reset();
  // `dossier`: the detail; returns the updated dossier once the server took the answers.
  std::optional<nlohmann::json> draw(AppContext& ctx, const nlohmann::json& dossier, float width);

 private:
  void draw_answered(AppContext& ctx, const nlohmann::json& survey);

  std::map<int, int> choice_;  // question index → combo index (-1 none; 0 Rất hài lòng …)
  std::string comment_;
  std::map<std::string, std::string> errors_;
  std::string error_;
  api::Call send_;
};

}  // namespace cdscb::app::screens
