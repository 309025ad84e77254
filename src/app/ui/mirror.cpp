#include "app/ui/mirror.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace cdscb::app::ui {
namespace {

void append_escaped(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_rect(std::string& out, const Rect& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.1f,%.1f,%.1f,%.1f]", r.x, r.y, r.w, r.h);
  out += buf;
}

}  // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kButton:
      return "button";
    case Role::kLink:
      return "link";
    case Role::kTextbox:
      return "textbox";
    case Role::kCheckbox:
      return "checkbox";
    case Role::kCombobox:
      return "combobox";
    case Role::kTab:
      return "tab";
    case Role::kHeading:
      return "heading";
    case Role::kText:
      return "text";
    case Role::kStatus:
      return "status";
    case Role::kImage:
      return "img";
  }
  return "button";
}

std::string to_json(const std::vector<MirrorNode>& nodes) {
  std::string out = "[";
  for (size_t i = 0; i < nodes.size(); ++i) {
    const MirrorNode& n = nodes[i];
    if (i) out += ',';
    out += "{\"id\":";
    append_escaped(out, n.id);
    out += ",\"role\":";
    append_escaped(out, role_name(n.role));
    out += ",\"name\":";
    append_escaped(out, n.name);
    out += ",\"rect\":";
    append_rect(out, n.rect);
    out += ",\"clip\":";
    append_rect(out, n.clip);
    if (!n.value.empty() || n.role == Role::kTextbox || n.role == Role::kCombobox) {
      out += ",\"value\":";
      append_escaped(out, n.value);
    }
    if (!n.href.empty()) {
      out += ",\"href\":";
      append_escaped(out, n.href);
    }
    if (!n.input.empty()) {
      out += ",\"input\":";
      append_escaped(out, n.input);
    }
    if (!n.error.empty()) {
      out += ",\"error\":";
      append_escaped(out, n.error);
    }
    if (!n.options.empty()) {
      out += ",\"options\":[";
      for (size_t k = 0; k < n.options.size(); ++k) {
        if (k) out += ',';
        append_escaped(out, n.options[k]);
      }
      out += ']';
    }
    if (n.level) out += ",\"level\":" + std::to_string(n.level);
    if (n.disabled) out += ",\"disabled\":true";
    if (n.role == Role::kCheckbox) out += n.checked ? ",\"checked\":true" : ",\"checked\":false";
    if (n.selected) out += ",\"selected\":true";
    if (n.multiline) out += ",\"multiline\":true";
    out += '}';
  }
  out += ']';
  return out;
}

void Mirror::begin_frame() { nodes_.clear(); }

void Mirror::add(MirrorNode node) {
  // Whole pixels are enough for the page and keep sub-pixel scroll jitter from republishing.
  for (Rect* r : {&node.rect, &node.clip}) {
    r->x = std::round(r->x);
    r->y = std::round(r->y);
    r->w = std::round(r->w);
    r->h = std::round(r->h);
  }
  nodes_.push_back(std::move(node));
}

std::optional<std::string> Mirror::end_frame() {
  // Activations for widgets that were not drawn this frame are stale (screen changed).
  activations_.clear();
  if (published_once_ && nodes_ == published_) return std::nullopt;
  published_ = nodes_;
  published_once_ = true;
  return to_json(published_);
}

void Mirror::set_value(std::string id, std::string value) {
  values_[std::move(id)] = std::move(value);
}

void Mirror::set_focus(std::string id, bool focused) {
  if (focused) {
    scroll_request_ = id;
    focused_ = std::move(id);
  } else if (focused_ == id) {
    focused_.clear();
  }
}

bool Mirror::consume_activation(std::string_view id) {
  auto it = activations_.find(std::string(id));
  if (it == activations_.end()) return false;
  activations_.erase(it);
  return true;
}

std::optional<std::string> Mirror::take_scroll_request(std::string_view id) {
  if (scroll_request_.empty() || scroll_request_ != id) return std::nullopt;
  return std::exchange(scroll_request_, {});
}

std::optional<std::string> Mirror::take_focus_request() {
  if (focus_request_.empty()) return std::nullopt;
  return std::exchange(focus_request_, {});
}

std::optional<std::string> Mirror::take_value(std::string_view id) {
  auto it = values_.find(std::string(id));
  if (it == values_.end()) return std::nullopt;
  std::string value = std::move(it->second);
  values_.erase(it);
  return value;
}

}  // namespace cdscb::app::ui
