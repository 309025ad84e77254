#pragma once
// The page around the canvas: the accessible DOM mirror and the browser's history.
#include <string>
#include <string_view>

namespace cdscb::app::platform::dom {

void publish_mirror(std::string_view nodes_json);
void focus_mirror_element(std::string_view id);
// False on the desktop, where the app keeps its own back stack.
bool has_history();
void history_push(std::string_view hash);
void history_back();
void history_replace(std::string_view hash);
std::string current_hash();
void set_document_language(std::string_view language);

}  // namespace cdscb::app::platform::dom
