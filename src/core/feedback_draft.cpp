#include "core/feedback_draft.h"

#include <cmath>
#include <cstdio>

#include "core/communes.h"
#include "core/text.h"

namespace core {
namespace {

bool blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

// Checks a required or optional text; returns the message or nothing.
std::optional<std::string> check_text(std::string_view text, std::size_t max, bool required,
                                      std::string_view missing, std::string_view too_long) {
  if (!is_valid_utf8(text)) return "Nội dung có ký tự không hợp lệ.";
  if (required && blank(text)) return std::string(missing);
  if (count_code_points(text) > max) return std::string(too_long);
  return std::nullopt;
}

}  // namespace

bool inside_province(double lat, double lng) {
  return std::isfinite(lat) && std::isfinite(lng) && lat >= kProvinceLatMin &&
         lat <= kProvinceLatMax && lng >= kProvinceLngMin && lng <= kProvinceLngMax;
}

std::map<std::string, std::string> validate(const FeedbackDraft& draft) {
  std::map<std::string, std::string> errors;
  if (auto e = check_text(draft.title, kFeedbackTitleMax, true, "Vui lòng nhập tiêu đề.",
                          "Tiêu đề không được dài quá 200 ký tự."))
    errors["title"] = *e;
  if (auto e =
          check_text(draft.content, kFeedbackContentMax, true, "Vui lòng nhập nội dung phản ánh.",
                     "Nội dung không được dài quá 5000 ký tự."))
    errors["content"] = *e;
  if (draft.field.empty()) errors["field"] = "Vui lòng chọn lĩnh vực.";
  if (!draft.location)
    errors["location"] = "Vui lòng chọn vị trí trên bản đồ hoặc dùng vị trí của bạn.";
  else if (!inside_province(draft.location->lat, draft.location->lng))
    errors["location"] = std::string(kFeedbackOutsideProvince);
  if (auto e = check_text(draft.address, kFeedbackAddressMax, false, "",
                          "Địa chỉ không được dài quá 300 ký tự."))
    errors["address"] = *e;
  if (!draft.commune.empty() && !find_commune(draft.commune))
    errors["commune"] =
        "Xã/phường không hợp lệ. Vui lòng chọn một xã hoặc phường của tỉnh Cao Bằng.";
  if (draft.photo_count > kFeedbackPhotosMax) errors["photos"] = "Chỉ được gửi tối đa 5 ảnh.";
  return errors;
}

std::string format_coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

}  // namespace core
