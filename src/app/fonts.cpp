#include "app/fonts.h"

#include <imgui.h>

#include <cstring>

namespace cdscb::app {
namespace {

// Basic Latin, Latin-1, the Vietnamese letters (ă â đ ê ô ơ ư with their tones), dashes, quotes,
// the ellipsis and the đồng sign.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168,
                           0x0169, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EA0, 0x1EF9, 0x2013, 0x2014,
                           0x2018, 0x201D, 0x2022, 0x2022, 0x2026, 0x2026, 0x20AB, 0x20AB, 0};

ImFont* add_font(const std::vector<unsigned char>& bytes, float size_px) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes stay in FontFiles for later rebuilds
  config.OversampleH = 1;               // rasterised at device pixels: no oversampling needed
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()),
                                                    static_cast<int>(bytes.size()), size_px,
                                                    &config, kRanges);
}

}  // namespace

bool FontAtlas::update(const FontFiles& files, float pixel_ratio, float text_scale,
                       ui::Theme& theme) {
  if (pixel_ratio == pixel_ratio_ && text_scale == text_scale_) return false;
  pixel_ratio_ = pixel_ratio;
  text_scale_ = text_scale;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float px = pixel_ratio * text_scale;
  theme.scale = text_scale;
  if (files.regular.empty()) {
    ImFontConfig config;
    config.SizePixels = 13 * px;
    theme.body = theme.bold = theme.title = theme.label = io.Fonts->AddFontDefault(&config);
  } else {
    // ImGui sizes a font by its line height (ascender to descender), which for Noto Sans is 1.36
    // em: these give the 16 px body and 20 px titles that phones' own apps use.
    constexpr float kLineHeightPerEm = 1.362f;
    theme.body = add_font(files.regular, 16 * kLineHeightPerEm * px);
    theme.bold =
        add_font(files.bold.empty() ? files.regular : files.bold, 16 * kLineHeightPerEm * px);
    theme.title =
        add_font(files.bold.empty() ? files.regular : files.bold, 20 * kLineHeightPerEm * px);
    theme.label =
        add_font(files.bold.empty() ? files.regular : files.bold, 14 * kLineHeightPerEm * px);
  }
  io.Fonts->Build();
  io.FontDefault = theme.body;
  io.FontGlobalScale = 1.0f / pixel_ratio;
  return true;
}

}  // namespace cdscb::app
