#pragma once
// The DOM mirror (ARCHITECTURE.md): every interactive widget drawn in a frame is reported with its
// role, accessible name, rectangle, value and state, so the page can keep matching hidden DOM
// elements for screen readers, keyboards, phone IMEs and tests. Activation and text typed into
// those elements come back here and are consumed by the widgets on the next frame.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cdscb::app::ui {

// kText is static text (so screen readers read the whole screen); kStatus is a live region;
// kImage a picture that says something (a QR code), read by its name.
enum class Role {
  kButton,
  kLink,
  kTextbox,
  kCheckbox,
  kCombobox,
  kTab,
  kHeading,
  kText,
  kStatus,
  kImage
};

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool operator==(const Rect&) const = default;
};

struct MirrorNode {
  std::string id;
  Role role = Role::kButton;
  std::string name;
  Rect rect;
  Rect clip;          // visible part of the rect (may be empty when scrolled away)
  std::string value;  // textbox text, combobox choice
  std::string href;   // links: where they go (tel:, #/route, https:)
  std::string
      input;  // textboxes: "text", "tel", "password", "new-password", "otp", "name", "email"
  std::string error;                 // a field's error message, announced with it
  std::vector<std::string> options;  // comboboxes: the choices, in order (value is the index)
  int level = 0;                     // headings
  bool disabled = false;
  bool checked = false;
  bool selected = false;
  bool multiline = false;
  bool operator==(const MirrorNode&) const = default;
};

class Mirror {
 public:
  void begin_frame();
  void add(MirrorNode node);
  // The JSON of this frame's nodes when they differ from the last one published.
  std::optional<std::string> end_frame();

  // Inbound from the page.
  void activate(std::string id) { activations_.insert(std::move(id)); }
  void set_value(std::string id, std::string value);
  void set_focus(std::string id, bool focused);

  // Used by widgets while drawing.
  bool consume_activation(std::string_view id);
  std::optional<std::string> take_value(std::string_view id);
  bool is_focused(std::string_view id) const { return focused_ == id; }
  // The page focused a widget's element (keyboard, screen reader): the widget scrolls into view.
  std::optional<std::string> take_scroll_request(std::string_view id);
  // A widget asks the page to focus its element (a desktop click on the canvas).
  void request_focus(std::string id) { focus_request_ = std::move(id); }
  std::optional<std::string> take_focus_request();
  bool has_pending_input() const { return !activations_.empty() || !values_.empty(); }

 private:
  std::vector<MirrorNode> nodes_;
  std::vector<MirrorNode> published_;
  bool published_once_ = false;
  std::unordered_set<std::string> activations_;
  std::unordered_map<std::string, std::string> values_;
  std::string focused_;
  std::string focus_request_;
  std::string scroll_request_;
};

std::string_view role_name(Role role);
std::string to_json(const std::vector<MirrorNode>& nodes);

}  // namespace cdscb::app::ui
