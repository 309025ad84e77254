#include "app/ui/rich_text.h"

#include <algorithm>
#include <cfloat>
#include <cstring>

#include "app/platform/redirect.h"
#include "app/ui/widgets.h"

namespace cdscb::app::ui {
namespace {

struct Word {
  std::string_view text;  // including its trailing space
  size_t span = 0;
};

struct Fragment {  // one run of a span on one line (underlines and link hit areas)
  size_t span;
  ImVec2 min, max;
};

std::vector<Word> split_words(const std::vector<state::Span>& spans) {
  std::vector<Word> words;
  for (size_t i = 0; i < spans.size(); ++i) {
    std::string_view text = spans[i].text;
    while (!text.empty()) {
      size_t end = text.find(' ');
      end = end == std::string_view::npos ? text.size() : end + 1;
      words.push_back({text.substr(0, end), i});
      text.remove_prefix(end);
    }
  }
  return words;
}

ImFont* font_of(const AppContext& ctx, const state::Span& span) {
  return span.bold ? ctx.theme.bold : ctx.theme.body;
}

// Italic without an italic font: the glyphs just drawn lean right around their baseline.
void shear(ImDrawList* d, int first_vertex, float baseline) {
  for (int i = first_vertex; i < d->VtxBuffer.Size; ++i)
    d->VtxBuffer[i].pos.x += (baseline - d->VtxBuffer[i].pos.y) * 0.2f;
}

float font_px(ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

}  // namespace

void rich_paragraph(AppContext& ctx, const std::string& id, const std::vector<state::Span>& spans,
                    float width, float indent) {
  ImDrawList* d = ImGui::GetWindowDrawList();
  const float size = ImGui::GetFontSize();
  const float line_h = std::floor(ImGui::GetTextLineHeight() * 1.3f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float x0 = origin.x + indent, x1 = origin.x + width;
  float x = x0, y = origin.y;
  std::vector<Fragment> fragments;
  std::string plain;
  for (const Word& w : split_words(spans)) {
    const state::Span& span = spans[w.span];
    ImFont* font = font_of(ctx, span);
    std::string_view trimmed = w.text;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    const float word_w =
        font->CalcTextSizeA(size, FLT_MAX, 0, trimmed.data(), trimmed.data() + trimmed.size()).x;
    const float full_w =
        font->CalcTextSizeA(size, FLT_MAX, 0, w.text.data(), w.text.data() + w.text.size()).x;
    if (x > x0 && x + word_w > x1) {
      x = x0;
      y += line_h;
    }
    const ImVec2 pos(x, y + (line_h - ImGui::GetTextLineHeight()) / 2);
    const ImU32 color = span.href.empty() ? Theme::kText : Theme::kFocus;
    const int first = d->VtxBuffer.Size;
    d->AddText(font, size, pos, color, trimmed.data(), trimmed.data() + trimmed.size());
    if (span.italic) shear(d, first, pos.y + size * 0.8f);
    if (!fragments.empty() && fragments.back().span == w.span &&
        fragments.back().max.y == y + line_h)
      fragments.back().max.x = x + word_w;
    else
      fragments.push_back({w.span, ImVec2(x, y), ImVec2(x + word_w, y + line_h)});
    x += full_w;
    plain += w.text;
  }
  const float height = y + line_h - origin.y;
  ImGui::Dummy(ImVec2(width, height));
  mirror_last_item(ctx, {.id = id, .role = Role::kText, .name = plain});
  const ImVec2 after = ImGui::GetCursorScreenPos();

  // Links: underlined, tappable on the canvas, and mirrored once each as a real link.
  std::vector<bool> mirrored(spans.size(), false);
  for (size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    const state::Span& span = spans[f.span];
    if (span.href.empty()) continue;
    const float underline = f.min.y + (line_h + ImGui::GetTextLineHeight()) / 2 - 1;
    d->AddLine(ImVec2(f.min.x, underline), ImVec2(f.max.x, underline), Theme::kFocus, 1);
    ImGui::SetCursorScreenPos(f.min);
    const std::string link_id = id + ".link" + std::to_string(f.span);
    ImGui::PushID(static_cast<int>(i));
    bool pressed = ImGui::InvisibleButton(
        "##link", ImVec2(std::max(1.0f, f.max.x - f.min.x), f.max.y - f.min.y));
    ImGui::PopID();
    if (!mirrored[f.span]) {
      mirrored[f.span] = true;
      pressed |= ctx.mirror.consume_activation(link_id);
      mirror_last_item(ctx,
                       {.id = link_id, .role = Role::kLink, .name = span.text, .href = span.href});
    }
    if (pressed) platform::redirect::open_in_new_tab(span.href);
  }
  ImGui::SetCursorScreenPos(after);
}

float wrapped_text_height(ImFont* font, float width, const std::string& text, int max_lines) {
  const float size = font_px(font);
  const float h = font->CalcTextSizeA(size, FLT_MAX, width, text.c_str()).y;
  return std::min(h, size * max_lines);
}

float wrapped_text(ImDrawList* d, ImFont* font, ImVec2 pos, float width, ImU32 color,
                   const std::string& text, int max_lines) {
  const float h = wrapped_text_height(font, width, text, max_lines);
  d->PushClipRect(pos, ImVec2(pos.x + width + 2, pos.y + h), true);
  d->AddText(font, font_px(font), pos, color, text.c_str(), nullptr, width);
  d->PopClipRect();
  return h;
}

}  // namespace cdscb::app::ui
