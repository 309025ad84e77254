#pragma once
// A feedback ("phản ánh") as the citizen writes it, before it is sent: the rules the app checks
// by each field and the server checks again (CONTRACTS.md, Feedback). Messages are Vietnamese,
// fit to show next to the field. No I/O, no exceptions.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

inline constexpr std::size_t kFeedbackTitleMax = 200;     // code points
inline constexpr std::size_t kFeedbackContentMax = 5000;  // code points
inline constexpr std::size_t kFeedbackAddressMax = 300;   // code points
inline constexpr std::size_t kFeedbackPhotosMax = 5;

// Cao Bằng's bounding box, as the server checks it.
inline constexpr double kProvinceLatMin = 22.35, kProvinceLatMax = 23.15;
inline constexpr double kProvinceLngMin = 105.25, kProvinceLngMax = 106.85;

inline constexpr std::string_view kFeedbackOutsideProvince = "Vị trí nằm ngoài tỉnh Cao Bằng.";

struct FeedbackLocation {
  double lat = 0, lng = 0;
  std::optional<double> accuracy_m;  // from the device's position; none when the pin was moved
};

struct FeedbackDraft {
  std::string title;
  std::string content;
  std::string field;  // code of a feedback field ("Lĩnh vực")
  std::optional<FeedbackLocation> location;
  std::string address;  // optional
  std::string commune;  // optional: one of the 56 commune codes
  std::size_t photo_count = 0;
  bool anonymous = false;
};

bool inside_province(double lat, double lng);

// Field key ("title", "content", "field", "location", "address", "commune", "photos") → message.
// Empty when the draft can be sent.
std::map<std::string, std::string> validate(const FeedbackDraft& draft);

// Coordinates as shown to the citizen: 6 decimals, never rounded to a grid.
std::string format_coordinate(double value);

}  // namespace core
