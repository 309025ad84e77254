// The desktop build has no page around it: there is no DOM to mirror into and no browser history,
// so navigation keeps its own stack (Navigation falls back to it when no back hook is set).
#include "app/platform/dom.h"

namespace cdscb::app::platform::dom {

void publish_mirror(std::string_view) {}
void focus_mirror_element(std::string_view) {}
bool has_history() { return false; }
void history_push(std::string_view) {}
void history_back() {}
void history_replace(std::string_view) {}
std::string current_hash() { return "#/"; }
void set_document_language(std::string_view) {}

}  // namespace cdscb::app::platform::dom
