// "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" as an A4 PDF: the receipt's facts in Vietnamese
// (Pango with Noto Sans, so every diacritic is drawn and stays text a PDF reader can copy) and a
// QR code of the public lookup link (libqrencode), written by Cairo.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cdscb::server::dossiers {

// `receipt` as receipt_json makes it; `lookup_url` is what the QR holds. The PDF's bytes.
std::string receipt_pdf(const nlohmann::json& receipt, const std::string& lookup_url);

}  // namespace cdscb::server::dossiers
