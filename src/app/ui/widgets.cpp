#include "app/ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace cdscb::app::ui {
namespace {

ImU32 with_alpha(ImU32 color, int alpha) {
  return (color & ~IM_COL32_A_MASK) | (ImU32(alpha) << IM_COL32_A_SHIFT);
}

// Lines of `text` wrapped to `width` with the current font.
std::vector<std::string_view> wrap_lines(const char* text, float width) {
  std::vector<std::string_view> lines;
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* end = text + std::strlen(text);
  const char* s = text;
  while (s < end) {
    const char* wrap = font->CalcWordWrapPositionA(scale, s, end, width);
    if (wrap == s) wrap = s + 1;  // a single glyph wider than the line still makes progress
    lines.emplace_back(s, wrap - s);
    s = wrap;
    while (s < end && (*s == ' ' || *s == '\n')) ++s;
  }
  return lines;
}

void draw_centered_lines(ImDrawList* d, const std::vector<std::string_view>& lines,
                         ImVec2 top_center, ImU32 color) {
  float y = top_center.y;
  for (std::string_view line : lines) {
    float w = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
    d->AddText(ImVec2(std::floor(top_center.x - w / 2), y), color, line.data(),
               line.data() + line.size());
    y += ImGui::GetTextLineHeight();
  }
}

constexpr float kTilePad = 14;
constexpr float kTileLabelInset = 8;

float tile_icon_size(const AppContext& ctx, float width) {
  return std::min(56.0f * ctx.theme.scale, width * 0.5f);
}

// Draws a form field's label and returns the size of the box under it (full width, thumb-sized).
ImVec2 field_label_and_size(const AppContext& ctx, const char* label) {
  ImGui::PushFont(ctx.theme.bold);
  ImGui::TextUnformatted(label);
  ImGui::PopFont();
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  return ImVec2(ImGui::GetContentRegionAvail().x,
                std::max(48.0f, ImGui::GetTextLineHeight() + pad.y * 2));
}

// Text typed into the field's page element since the last frame; true when it changed.
bool take_typed(AppContext& ctx, const char* id, std::string& value) {
  auto typed = ctx.mirror.take_value(id);
  if (!typed || *typed == value) return false;
  value = std::move(*typed);
  return true;
}

// The box of a text field: a focus ring while typing, red when its value is refused.
void field_box(ImDrawList* d, ImVec2 min, ImVec2 max, bool focused, bool invalid) {
  d->AddRectFilled(min, max, Theme::kCard, 8);
  const ImU32 border = focused ? Theme::kFocus : invalid ? Theme::kError : Theme::kBorder;
  d->AddRect(min, max, border, 8, 0, focused || invalid ? 2.0f : 1.0f);
}

// A field's error message under it, in the error colour.
void field_error(std::string_view error) {
  if (error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(Theme::kError));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(error.data(), error.data() + error.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

}  // namespace

float tile_height(AppContext& ctx, float width, const char* label) {
  ImGui::PushFont(ctx.theme.label);
  const float text_h =
      wrap_lines(label, width - kTileLabelInset).size() * ImGui::GetTextLineHeight();
  ImGui::PopFont();
  return std::floor(kTilePad + tile_icon_size(ctx, width) + 8 + text_h + kTilePad);
}

void mirror_last_item(AppContext& ctx, MirrorNode node) {
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  ImVec2 cmin = d->GetClipRectMin(), cmax = d->GetClipRectMax();
  node.rect = {min.x, min.y, max.x - min.x, max.y - min.y};
  float x0 = std::max(min.x, cmin.x), y0 = std::max(min.y, cmin.y);
  float x1 = std::min(max.x, cmax.x), y1 = std::min(max.y, cmax.y);
  node.clip = {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
  // Focus moved here from the page (Tab, a screen reader): bring the widget into view.
  if (ctx.mirror.take_scroll_request(node.id) &&
      (node.clip.w < node.rect.w || node.clip.h < node.rect.h))
    ImGui::SetScrollHereY(0.5f);
  ctx.mirror.add(std::move(node));
}

bool button(AppContext& ctx, const char* id, const char* label, ButtonKind kind, float width,
            bool selected) {
  return button(ctx, id, label, label, kind, width, selected);
}

bool button(AppContext& ctx, const char* id, const char* label, std::string_view name,
            ButtonKind kind, float width, bool selected) {
  ImGui::PushID(id);
  const ImVec2 text = ImGui::CalcTextSize(label);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImVec2 size(width > 0 ? width : text.x + pad.x * 2, std::max(44.0f, text.y + pad.y * 2));
  bool pressed = ImGui::InvisibleButton("##b", size);
  pressed |= ctx.mirror.consume_activation(id);
  const bool held = ImGui::IsItemActive();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  ImU32 bg = Theme::kBrand, fg = Theme::kOnBrand;
  switch (kind) {
    case ButtonKind::kPrimary:
      bg = held ? Theme::kBrandDark : Theme::kBrand;
      fg = Theme::kOnBrand;
      break;
    case ButtonKind::kSecondary:
      bg = selected ? with_alpha(Theme::kBrand, 40) : held ? Theme::kCardPressed : Theme::kCard;
      fg = selected ? Theme::kBrandDark : Theme::kText;
      break;
    case ButtonKind::kOnBrand:
      bg = held ? with_alpha(Theme::kOnBrand, 70) : with_alpha(Theme::kOnBrand, 40);
      fg = Theme::kOnBrand;
      break;
  }
  d->AddRectFilled(min, max, bg, 8);
  if (kind == ButtonKind::kSecondary)
    d->AddRect(min, max, selected ? Theme::kBrand : Theme::kBorder, 8, 0, selected ? 2.0f : 1.0f);
  d->AddText(
      ImVec2(std::floor(min.x + (size.x - text.x) / 2), std::floor(min.y + (size.y - text.y) / 2)),
      fg, label);
  ImGui::PopID();
  mirror_last_item(
      ctx, {.id = id, .role = Role::kButton, .name = std::string(name), .selected = selected});
  return pressed;
}

bool tile(AppContext& ctx, const char* id, const char* label, Icon icon, ImVec2 size) {
  ImGui::PushID(id);
  bool pressed = ImGui::InvisibleButton("##t", size);
  pressed |= ctx.mirror.consume_activation(id);
  const bool held = ImGui::IsItemActive();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(ImVec2(min.x, min.y + 2), ImVec2(max.x, max.y + 2), IM_COL32(0, 0, 0, 14), 14);
  d->AddRectFilled(min, max, held ? Theme::kCardPressed : Theme::kCard, 14);
  const float icon_box = tile_icon_size(ctx, size.x);
  ImVec2 icon_center(min.x + size.x / 2, min.y + kTilePad + icon_box / 2);
  d->AddCircleFilled(icon_center, icon_box / 2, with_alpha(Theme::kBrand, 28), 32);
  draw_icon(d, icon, icon_center, icon_box * 0.55f, Theme::kBrand);
  ImGui::PushFont(ctx.theme.label);
  auto lines = wrap_lines(label, size.x - kTileLabelInset);
  draw_centered_lines(d, lines, ImVec2(icon_center.x, icon_center.y + icon_box / 2 + 8),
                      Theme::kText);
  ImGui::PopFont();
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id, .role = Role::kButton, .name = label});
  return pressed;
}

void heading(AppContext& ctx, const char* id, const char* text, int level) {
  ImGui::PushFont(level <= 1 ? ctx.theme.title : ctx.theme.bold);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  mirror_last_item(ctx, {.id = id, .role = Role::kHeading, .name = text, .level = level});
}

void paragraph(AppContext& ctx, const char* id, const char* text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  mirror_last_item(ctx, {.id = id, .role = Role::kText, .name = text});
}

void status_banner(AppContext& ctx, const char* id, const char* text) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 pad(12, 10);
  const float text_h = ImGui::CalcTextSize(text, nullptr, false, width - pad.x * 2).y;
  ImGui::Dummy(ImVec2(width, text_h + pad.y * 2));
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, IM_COL32(255, 243, 224, 255), 8);
  d->AddRect(min, max, IM_COL32(239, 108, 0, 255), 8, 0, 1.5f);
  d->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y), IM_COL32(120, 53, 0, 255), text,
             nullptr, width - pad.x * 2);
  mirror_last_item(ctx, {.id = id, .role = Role::kStatus, .name = text});
}

bool text_field(AppContext& ctx, const char* id, const char* label, std::string& value,
                const FieldOptions& options) {
  const bool changed = take_typed(ctx, id, value);
  const ImVec2 size = field_label_and_size(ctx, label);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImGui::PushID(id);
  // Tapping the field lands on its real <input> in the page; a click on the canvas (desktop
  // mouse) asks the page to focus that input.
  if (ImGui::InvisibleButton("##f", size) || ctx.mirror.consume_activation(id))
    ctx.mirror.request_focus(id);
  const bool focused = ctx.mirror.is_focused(id);
  const bool invalid = !options.error.empty();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  field_box(d, min, max, focused, invalid);
  const bool secret = std::strcmp(options.input, "password") == 0 ||
                      std::strcmp(options.input, "new-password") == 0;
  std::string shown;
  if (secret) {
    for (unsigned char c : value)
      if ((c & 0xC0) != 0x80) shown += "\xE2\x80\xA2";  // one bullet per character
  }
  const std::string& text = secret ? shown : value;
  ImVec2 text_pos(min.x + pad.x, min.y + (size.y - ImGui::GetTextLineHeight()) / 2);
  d->PushClipRect(ImVec2(min.x + 4, min.y), ImVec2(max.x - 4, max.y), true);
  const float text_w = ImGui::CalcTextSize(text.c_str()).x;
  const float visible_w = size.x - pad.x * 2;
  if (text_w > visible_w && focused) text_pos.x -= text_w - visible_w;  // keep the end in view
  if (text.empty()) {
    d->AddText(text_pos, Theme::kMutedText, options.placeholder);
  } else {
    d->AddText(text_pos, Theme::kText, text.c_str());
  }
  if (focused) {
    float x = text_pos.x + text_w + 1;
    d->AddLine(ImVec2(x, text_pos.y), ImVec2(x, text_pos.y + ImGui::GetTextLineHeight()),
               Theme::kFocus, 2);
  }
  d->PopClipRect();
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id,
                         .role = Role::kTextbox,
                         .name = label,
                         .value = value,
                         .input = options.input,
                         .error = std::string(options.error)});
  if (invalid) field_error(options.error);
  return changed;
}

bool text_area(AppContext& ctx, const char* id, const char* label, std::string& value, int lines,
               const FieldOptions& options) {
  const bool changed = take_typed(ctx, id, value);
  ImVec2 size = field_label_and_size(ctx, label);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  size.y = ImGui::GetTextLineHeight() * lines + pad.y * 2;
  ImGui::PushID(id);
  if (ImGui::InvisibleButton("##a", size) || ctx.mirror.consume_activation(id))
    ctx.mirror.request_focus(id);
  const bool focused = ctx.mirror.is_focused(id);
  const bool invalid = !options.error.empty();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  field_box(d, min, max, focused, invalid);
  const float wrap = size.x - pad.x * 2;
  const float text_h = ImGui::CalcTextSize(value.c_str(), nullptr, false, wrap).y;
  ImVec2 text_pos(min.x + pad.x, min.y + pad.y);
  // While typing past the bottom, the last lines stay in view.
  if (focused && text_h > size.y - pad.y * 2) text_pos.y -= text_h - (size.y - pad.y * 2);
  d->PushClipRect(ImVec2(min.x + 2, min.y + 2), ImVec2(max.x - 2, max.y - 2), true);
  if (value.empty())
    d->AddText(nullptr, 0, text_pos, Theme::kMutedText, options.placeholder, nullptr, wrap);
  else
    d->AddText(nullptr, 0, text_pos, Theme::kText, value.c_str(), nullptr, wrap);
  d->PopClipRect();
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id,
                         .role = Role::kTextbox,
                         .name = label,
                         .value = value,
                         .input = "text",
                         .error = std::string(options.error),
                         .multiline = true});
  if (invalid) field_error(options.error);
  return changed;
}

bool combo(AppContext& ctx, const char* id, const char* label, int& index,
           const std::vector<std::string>& options, const char* placeholder,
           std::string_view error) {
  bool changed = false;
  if (auto chosen = ctx.mirror.take_value(id)) {
    const int value = std::atoi(chosen->c_str());
    if (value >= -1 && value < static_cast<int>(options.size()) && value != index) {
      index = value;
      changed = true;
    }
  }
  const ImVec2 size = field_label_and_size(ctx, label);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImGui::PushID(id);
  // A desktop click on the canvas asks the page to focus the <select>; taps land on it directly.
  if (ImGui::InvisibleButton("##c", size) || ctx.mirror.consume_activation(id))
    ctx.mirror.request_focus(id);
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  const bool focused = ctx.mirror.is_focused(id);
  d->AddRectFilled(min, max, Theme::kCard, 8);
  const bool invalid = !error.empty();
  d->AddRect(min, max,
             focused   ? Theme::kFocus
             : invalid ? Theme::kError
                       : Theme::kBorder,
             8, 0, focused || invalid ? 2.0f : 1.0f);
  const bool has_value = index >= 0 && index < static_cast<int>(options.size());
  const char* text = has_value ? options[index].c_str() : placeholder;
  const float text_y = min.y + (size.y - ImGui::GetTextLineHeight()) / 2;
  d->PushClipRect(min, ImVec2(max.x - 36, max.y), true);
  d->AddText(ImVec2(min.x + pad.x, text_y), has_value ? Theme::kText : Theme::kMutedText, text);
  d->PopClipRect();
  const ImVec2 arrow(max.x - 22, min.y + size.y / 2);  // a chevron pointing down
  d->AddLine(ImVec2(arrow.x - 6, arrow.y - 3), ImVec2(arrow.x, arrow.y + 3), Theme::kMutedText, 2);
  d->AddLine(ImVec2(arrow.x, arrow.y + 3), ImVec2(arrow.x + 6, arrow.y - 3), Theme::kMutedText, 2);
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id,
                         .role = Role::kCombobox,
                         .name = label,
                         .value = std::to_string(index),
                         .error = std::string(error),
                         .options = options});
  field_error(error);
  return changed;
}

bool checkbox(AppContext& ctx, const char* id, const char* label, bool& value) {
  ImGui::PushID(id);
  const float box = 24.0f * ctx.theme.scale;
  const ImVec2 text = ImGui::CalcTextSize(label);
  ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(44.0f, text.y + 12));
  bool pressed = ImGui::InvisibleButton("##c", size) || ctx.mirror.consume_activation(id);
  if (pressed) value = !value;
  ImVec2 min = ImGui::GetItemRectMin();
  ImDrawList* d = ImGui::GetWindowDrawList();
  ImVec2 bmin(min.x, min.y + (size.y - box) / 2), bmax(bmin.x + box, bmin.y + box);
  d->AddRectFilled(bmin, bmax, value ? Theme::kBrand : Theme::kCard, 4);
  d->AddRect(bmin, bmax, value ? Theme::kBrand : Theme::kBorder, 4, 0, 1.5f);
  if (value) {
    d->AddLine(ImVec2(bmin.x + box * 0.22f, bmin.y + box * 0.52f),
               ImVec2(bmin.x + box * 0.42f, bmin.y + box * 0.72f), Theme::kOnBrand, 2.5f);
    d->AddLine(ImVec2(bmin.x + box * 0.42f, bmin.y + box * 0.72f),
               ImVec2(bmin.x + box * 0.78f, bmin.y + box * 0.3f), Theme::kOnBrand, 2.5f);
  }
  d->AddText(ImVec2(bmax.x + 12, min.y + (size.y - text.y) / 2), Theme::kText, label);
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id, .role = Role::kCheckbox, .name = label, .checked = value});
  return pressed;
}

bool link(AppContext& ctx, const char* id, const char* label, std::string_view href) {
  ImGui::PushID(id);
  const ImVec2 text = ImGui::CalcTextSize(label);
  bool pressed = ImGui::InvisibleButton("##l", ImVec2(text.x, std::max(32.0f, text.y + 8)));
  pressed |= ctx.mirror.consume_activation(id);
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  const float y = min.y + (max.y - min.y - text.y) / 2;
  d->AddText(ImVec2(min.x, y), Theme::kFocus, label);
  d->AddLine(ImVec2(min.x, y + text.y), ImVec2(min.x + text.x, y + text.y), Theme::kFocus, 1);
  ImGui::PopID();
  mirror_last_item(ctx, {.id = id, .role = Role::kLink, .name = label, .href = std::string(href)});
  return pressed;
}

}  // namespace cdscb::app::ui
