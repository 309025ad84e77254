#pragma once
// Article text drawn on the canvas: paragraphs of spans (bold, italic, links) wrapped to the
// column, list items with their bullet or number, and wrapped blocks of plain text (news cards).
// Each paragraph is mirrored as text for screen readers, and each link as a real link that opens
// in a new tab.
#include <string>
#include <vector>

#include "app/app_context.h"
#include "app/state/news.h"

namespace cdscb::app::ui {

// Draws spans wrapped to `width`, starting `indent` px right of the cursor. `id` names the
// paragraph's mirror nodes.
void rich_paragraph(AppContext& ctx, const std::string& id, const std::vector<state::Span>& spans,
                    float width, float indent = 0);

// Plain text wrapped to `width` at `pos`, at most `max_lines` lines; returns the height used.
float wrapped_text(ImDrawList* d, ImFont* font, ImVec2 pos, float width, ImU32 color,
                   const std::string& text, int max_lines);
// The height wrapped_text() will use.
float wrapped_text_height(ImFont* font, float width, const std::string& text, int max_lines);

}  // namespace cdscb::app::ui
