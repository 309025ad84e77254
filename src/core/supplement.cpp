#include "core/supplement.h"

#include <algorithm>

#include "core/feedback.h"
#include "core/message.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

// A line an officer typed: clean UTF-8, within `max` code points once trimmed.
std::optional<std::string> line_error(std::string_view text, std::size_t max) {
  if (!is_valid_utf8(text)) return std::string(kFeedbackInvalidText);
  if (count_code_points(trim_blank(text)) > max)
    return message(kFormTooLong, {std::to_string(max)});
  return std::nullopt;
}

}  // namespace

FieldErrors validate_supplement_request(const SupplementRequest& request,
                                        const Procedure& procedure) {
  FieldErrors errors;
  const auto given =
      std::count_if(request.items.begin(), request.items.end(),
                    [](const std::string& item) { return !trim_blank(item).empty(); });
  if (given == 0) errors["items"] = kSupplementItemsRequired;
  if (request.items.size() > kSupplementItemsMax)
    errors["items"] = message(kSupplementTooManyItems, {std::to_string(kSupplementItemsMax)});
  for (const std::string& item : request.items) {
    if (errors.contains("items")) break;
    if (auto error = line_error(item, kSupplementItemMax)) errors["items"] = *error;
  }
  for (const std::string& code : request.papers) {
    if (!find_paper(procedure, code)) {
      errors["papers"] = message(kPapersUnknown, {code});
      break;
    }
  }
  if (trim_blank(request.reason).empty()) {
    errors["reason"] = kSupplementReasonRequired;
  } else if (auto error = line_error(request.reason, kSupplementReasonMax)) {
    errors["reason"] = *error;
  }
  if (request.days < 1 || request.days > kSupplementDaysMax)
    errors["days"] = message(kSupplementDaysInvalid, {std::to_string(kSupplementDaysMax)});
  return errors;
}

}  // namespace cdscb::core
