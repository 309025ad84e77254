#pragma once
// The app's widgets. Each draws with ImGui, reports itself to the DOM mirror with its role and
// accessible name, and also answers activation and text that arrive through the mirror.
#include <string>
#include <string_view>
#include <vector>

#include "app/app_context.h"
#include "app/ui/icons.h"

namespace cdscb::app::ui {

enum class ButtonKind { kPrimary, kSecondary, kOnBrand };

bool button(AppContext& ctx, const char* id, const char* label,
            ButtonKind kind = ButtonKind::kPrimary, float width = 0, bool selected = false);
// A button whose accessible name says more than its label: several buttons that look alike
// ("Theo dõi phản ánh này" under each card) each get a name of their own.
bool button(AppContext& ctx, const char* id, const char* label, std::string_view name,
            ButtonKind kind, float width = 0, bool selected = false);
bool tile(AppContext& ctx, const char* id, const char* label, Icon icon, ImVec2 size);
// The height a tile of this width needs for its icon and label.
float tile_height(AppContext& ctx, float width, const char* label);
void heading(AppContext& ctx, const char* id, const char* text, int level = 1);
void paragraph(AppContext& ctx, const char* id, const char* text, ImU32 color = Theme::kText);
// A notice that assistive technology announces when it appears (offline, errors).
void status_banner(AppContext& ctx, const char* id, const char* text);
struct FieldOptions {
  const char* placeholder = "";
  const char* input = "text";  // the keyboard and autofill phones offer (see web/a11y.js)
  std::string_view error;      // shown under the field and announced with it
};
// Returns true when the value changed this frame.
bool text_field(AppContext& ctx, const char* id, const char* label, std::string& value,
                const FieldOptions& options = {});
// A multi-line field (a real <textarea> in the page) `lines` lines high.
bool text_area(AppContext& ctx, const char* id, const char* label, std::string& value, int lines,
               const FieldOptions& options = {});
bool checkbox(AppContext& ctx, const char* id, const char* label, bool& value);
// A choice among options; -1 is "nothing chosen yet". On phones the page's real <select> opens
// the system picker. `error` is shown under it like a text field's. Returns true when the choice
// changed this frame.
bool combo(AppContext& ctx, const char* id, const char* label, int& index,
           const std::vector<std::string>& options, const char* placeholder = "",
           std::string_view error = {});
bool link(AppContext& ctx, const char* id, const char* label, std::string_view href);

// Reports the last ImGui item to the mirror (rect and visible part from ImGui).
void mirror_last_item(AppContext& ctx, MirrorNode node);

}  // namespace cdscb::app::ui
