#pragma once
// "Lưu mã QR": the QR's modules saved as a PNG file the person keeps (a download in the
// browser). `rows` is ui::qr_rows(). The answer arrives as a kReply {"result":"saved"|"failed"|
// "unavailable"}.
#include <string>
#include <string_view>

namespace cdscb::app::platform::qr_image {

std::string save(std::string_view rows, std::string_view file_name);

}  // namespace cdscb::app::platform::qr_image
