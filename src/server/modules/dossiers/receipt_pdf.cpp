#include "modules/dossiers/receipt_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>

#include "core/money.h"
#include "core/time_text.h"

namespace cdscb::server::dossiers {
namespace {

constexpr double kWidth = 595.0;  // A4 in points
constexpr double kHeight = 842.0;
constexpr double kMargin = 56.0;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws `text` at y in the font `font` ("Noto Sans 11"), wrapped to the page; the y below it.
double draw_text(cairo_t* cr, double y, const std::string& text, const char* font,
                 bool centred = false) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* description = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  pango_layout_set_width(layout, static_cast<int>((kWidth - 2 * kMargin) * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  if (centred) pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout, text.c_str(), -1);
  cairo_move_to(cr, kMargin, y);
  pango_cairo_show_layout(cr, layout);
  int width = 0, height = 0;
  pango_layout_get_pixel_size(layout, &width, &height);
  g_object_unref(layout);
  return y + height + 4;
}

void draw_qr(cairo_t* cr, const std::string& text, double x, double y, double size) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!qr) throw std::runtime_error("QR encoding failed");
  const double module = size / (qr->width + 8);  // a quiet zone of 4 modules each side
  for (int row = 0; row < qr->width; ++row)
    for (int col = 0; col < qr->width; ++col)
      if (qr->data[row * qr->width + col] & 1)
        cairo_rectangle(cr, x + (col + 4) * module, y + (row + 4) * module, module, module);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
}

std::string text_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string when(const nlohmann::json& j, const char* key) {
  const auto at = core::parse_rfc3339(text_of(j, key));
  return at ? core::vietnam_date_time_text(*at) : std::string("—");
}

}  // namespace

std::string receipt_pdf(const nlohmann::json& r, const std::string& lookup_url) {
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = kMargin;
  y = draw_text(cr, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Noto Sans Bold 11", true);
  y = draw_text(cr, y, "Độc lập - Tự do - Hạnh phúc", "Noto Sans 11", true) + 12;
  y = draw_text(cr, y, text_of(r["agency"], "name"), "Noto Sans Bold 12", true);
  y = draw_text(cr, y, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Noto Sans Bold 15", true);
  y = draw_text(cr, y, "Mã hồ sơ: " + text_of(r, "code"), "Noto Sans Bold 12", true) + 12;
  const auto line = [&](const std::string& text) { y = draw_text(cr, y, text, "Noto Sans 11"); };
  line("Người nộp hồ sơ: " + text_of(r, "applicant_name"));
  line("Thủ tục: " + text_of(r["procedure"], "name") + " (" + text_of(r["procedure"], "code") +
       ")");
  line("Thời điểm tiếp nhận: " + when(r, "received_at"));
  line("Hẹn trả kết quả: " + when(r, "due_at") + " (" +
       std::to_string(r.value("processing_days", 0)) + " ngày làm việc)");
  if (r["fee"].is_object()) {
    const std::int64_t amount = r["fee"].value("amount", std::int64_t{0});
    line("Phí, lệ phí: " + core::format_vnd(amount) +
         (text_of(r["fee"], "status") == "paid" ? " (đã nộp)" : " (chưa nộp)"));
    if (!text_of(r["fee"], "paid_by").empty())
      line("Hình thức nộp: " + text_of(r["fee"], "paid_by"));
  } else {
    line("Phí, lệ phí: không thu");
  }
  y += 6;
  line("Thành phần hồ sơ đã nhận:");
  int n = 0;
  for (const auto& paper : r["papers"])
    line("  " + std::to_string(++n) + ". " + text_of(paper, "name") + " (" +
         std::to_string(paper.value("files", 0)) + " tệp)");
  y += 12;
  draw_qr(cr, lookup_url, kMargin, y, 120);
  cairo_move_to(cr, 0, 0);
  draw_text(cr, y + 125, "Quét mã để tra cứu tình trạng hồ sơ: " + lookup_url, "Noto Sans 9");
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(cairo_status_to_string(status));
  return bytes;
}

}  // namespace cdscb::server::dossiers
