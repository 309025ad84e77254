#include "modules/news/html_sanitizer.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "util/strings.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kMaxHtml = 1024 * 1024;
constexpr std::size_t kMaxBlocks = 400;

// Elements dropped with everything inside them.
constexpr std::array<std::string_view, 19> kDropped = {
    "script", "style",  "iframe", "noscript", "template", "textarea", "title",
    "xmp",    "object", "svg",    "math",     "select",   "canvas",   "video",
    "audio",  "head",   "frame",  "frameset", "noembed"};
// Elements that end a paragraph.
constexpr std::array<std::string_view, 21> kBlockTags = {
    "p",      "div",        "section", "article", "blockquote", "header", "footer",
    "figure", "figcaption", "main",    "aside",   "center",     "table",  "tr",
    "pre",    "address",    "dl",      "dt",      "dd",         "hr",     "form"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case, values raw

  std::string attribute(std::string_view wanted) const {
    for (const auto& [name, value] : attributes) {
      if (name == wanted) return decode_entities(value);
    }
    return {};
  }
};

// Reads the tag starting at html[i] == '<' (followed by a letter or "/letter"); i ends after '>'.
Tag read_tag(std::string_view html, std::size_t& i) {
  Tag tag;
  ++i;
  if (html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/') {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
  }
  while (i < html.size() && html[i] != '>') {
    if (is_space(html[i]) || html[i] == '/') {
      ++i;
      continue;
    }
    std::string name;
    while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
           html[i] != '/') {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
    }
    while (i < html.size() && is_space(html[i])) ++i;
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i++];
        const std::size_t end = html.find(quote, i);
        const std::size_t stop = end == std::string_view::npos ? html.size() : end;
        value = std::string(html.substr(i, stop - i));
        i = stop == html.size() ? stop : stop + 1;
      } else {
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') value += html[i++];
      }
    }
    if (!name.empty()) tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  if (i < html.size()) ++i;  // '>'
  return tag;
}

// Position just past "</name ...>" from `from`, case-insensitively; the end when missing.
std::size_t skip_element(const std::string& lower, std::size_t from, std::string_view name) {
  const std::string closing = "</" + std::string(name);
  std::size_t at = from;
  while ((at = lower.find(closing, at)) != std::string::npos) {
    const std::size_t after = at + closing.size();
    if (after >= lower.size() || is_space(lower[after]) || lower[after] == '>' ||
        lower[after] == '/') {
      const std::size_t end = lower.find('>', after);
      return end == std::string::npos ? lower.size() : end + 1;
    }
    at = after;
  }
  return lower.size();
}

// `text` without the bytes that are not part of well-formed UTF-8.
std::string drop_invalid_utf8(std::string_view text) {
  if (core::is_valid_utf8(text)) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const std::string_view sequence = text.substr(i, length);
    if (core::is_valid_utf8(sequence)) {
      out += sequence;
      i += length;
    } else {
      ++i;
    }
  }
  return out;
}

class BlockBuilder {
 public:
  explicit BlockBuilder(std::string_view base) : base_(base) {}

  void text(std::string_view raw) {
    const std::string decoded = decode_entities(raw);
    // A run of white space is one space, in the style of the text before it.
    for (const char c : decoded) {
      if (is_space(c)) {
        if (!pending_space_ && has_text()) append(" ");
        pending_space_ = true;
        continue;
      }
      pending_space_ = false;
      append(std::string_view(&c, 1));
    }
  }

  void tag(const Tag& tag) {
    const std::string& name = tag.name;
    if (name == "b" || name == "strong") {
      bold_ = std::max(0, bold_ + (tag.closing ? -1 : 1));
    } else if (name == "i" || name == "em" || name == "cite") {
      italic_ = std::max(0, italic_ + (tag.closing ? -1 : 1));
    } else if (name == "a") {
      if (tag.closing) {
        if (!links_.empty()) links_.pop_back();
      } else {
        links_.push_back(resolve_url(base_, tag.attribute("href")).value_or(""));
      }
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      heading(tag.closing, name[1] <= '2' ? 2 : 3);
    } else if (name == "ul" || name == "ol") {
      list(tag.closing, name == "ol");
    } else if (name == "li") {
      if (!tag.closing) item();
    } else if (name == "img" && !tag.closing) {
      image(tag);
    } else if (name == "br") {
      if (in_heading_ || list_depth_ > 0) {
        space();
      } else {
        flush_paragraph();
      }
    } else if (name == "td" || name == "th") {
      space();
    } else if (one_of(kBlockTags, name) && !in_heading_ && list_depth_ == 0) {
      flush_paragraph();
    }
  }

  std::vector<core::Block> finish() {
    if (in_heading_) heading(true, level_);
    while (list_depth_ > 0) list(true, false);
    flush_paragraph();
    if (blocks_.size() > kMaxBlocks) blocks_.resize(kMaxBlocks);
    return std::move(blocks_);
  }

 private:
  void space() {
    if (!pending_space_ && has_text()) append(" ");
    pending_space_ = true;
  }

  core::Spans* target_spans() {
    if (list_depth_ > 0) {
      if (!in_item_) item();
      return &item_;
    }
    return &paragraph_;
  }

  bool has_text() {
    if (in_heading_) return !heading_.empty();
    const core::Spans* spans = target_spans();
    return !spans->empty();
  }

  void append(std::string_view text) {
    if (in_heading_) {
      heading_ += text;
      return;
    }
    core::Spans& spans = *target_spans();
    const std::string href = links_.empty() ? "" : links_.back();
    if (!spans.empty() && spans.back().bold == (bold_ > 0) &&
        spans.back().italic == (italic_ > 0) && spans.back().href == href) {
      spans.back().text += text;
      return;
    }
    core::Span span;
    span.text = text;
    span.bold = bold_ > 0;
    span.italic = italic_ > 0;
    span.href = href;
    spans.push_back(std::move(span));
  }

  static void trim_end(core::Spans& spans) {
    while (!spans.empty()) {
      std::string& text = spans.back().text;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      if (!text.empty()) return;
      spans.pop_back();
    }
  }

  void flush_paragraph() {
    trim_end(paragraph_);
    if (!paragraph_.empty()) {
      core::Block block;
      block.type = core::Block::Type::kParagraph;
      block.spans = std::move(paragraph_);
      blocks_.push_back(std::move(block));
    }
    paragraph_.clear();
    pending_space_ = false;
  }

  void heading(bool closing, int level) {
    if (!closing) {
      if (list_depth_ > 0) return;  // a heading inside a list item stays text of the item
      flush_paragraph();
      in_heading_ = true;
      level_ = level;
      heading_.clear();
      return;
    }
    if (!in_heading_) return;
    in_heading_ = false;
    while (!heading_.empty() && heading_.back() == ' ') heading_.pop_back();
    if (!heading_.empty()) {
      core::Block block;
      block.type = core::Block::Type::kHeading;
      block.level = level_;
      block.text = std::move(heading_);
      blocks_.push_back(std::move(block));
    }
    heading_.clear();
    pending_space_ = false;
  }

  // Nested lists are flattened into the outermost one.
  void list(bool closing, bool ordered) {
    if (!closing) {
      if (list_depth_++ == 0) {
        if (in_heading_) heading(true, level_);
        flush_paragraph();
        list_ = core::Block();
        list_.type = core::Block::Type::kList;
        list_.ordered = ordered;
      }
      return;
    }
    if (list_depth_ == 0) return;
    if (--list_depth_ == 0) {
      end_item();
      if (!list_.items.empty()) blocks_.push_back(std::move(list_));
      list_ = core::Block();
    }
  }

  void item() {
    if (list_depth_ == 0) list(false, false);  // a stray <li> opens a list of its own
    end_item();
    in_item_ = true;
  }

  void end_item() {
    trim_end(item_);
    if (!item_.empty()) list_.items.push_back(std::move(item_));
    item_.clear();
    in_item_ = false;
    pending_space_ = false;
  }

  void image(const Tag& tag) {
    const auto url = resolve_url(base_, tag.attribute("src"));
    if (!url || in_heading_ || list_depth_ > 0) return;
    flush_paragraph();
    core::Block block;
    block.type = core::Block::Type::kImage;
    block.url = *url;
    block.thumb_url = *url;
    block.alt = html_to_text(tag.attribute("alt"));
    const auto dimension = [&](std::string_view name) -> std::optional<int> {
      const auto value = util::parse_unsigned(tag.attribute(name));
      if (!value || *value == 0 || *value > 20000) return std::nullopt;
      return static_cast<int>(*value);
    };
    block.width = dimension("width");
    block.height = dimension("height");
    blocks_.push_back(std::move(block));
  }

  std::string base_;
  std::vector<core::Block> blocks_;
  core::Spans paragraph_;
  core::Block list_;
  core::Spans item_;
  bool in_item_ = false;
  int list_depth_ = 0;
  bool in_heading_ = false;
  int level_ = 2;
  std::string heading_;
  int bold_ = 0;
  int italic_ = 0;
  std::vector<std::string> links_;
  bool pending_space_ = false;
};

}  // namespace

std::optional<std::string> resolve_url(std::string_view base, std::string_view url) {
  url = util::trim(url);
  if (url.empty()) return std::nullopt;
  const std::size_t colon = url.find(':');
  const std::size_t delimiter = url.find_first_of("/?#");
  const bool has_scheme =
      colon != std::string_view::npos && (delimiter == std::string_view::npos || colon < delimiter);
  if (has_scheme) return core::safe_http_url(url);
  const auto safe_base = core::safe_http_url(base);
  if (!safe_base) return std::nullopt;
  const std::size_t scheme_end = safe_base->find("://") + 3;
  const std::size_t path_start = safe_base->find('/', scheme_end);
  const std::string origin = safe_base->substr(0, path_start);
  if (url.starts_with("//"))
    return core::safe_http_url(safe_base->substr(0, scheme_end - 2) + std::string(url));
  if (url.starts_with('/')) return core::safe_http_url(origin + std::string(url));
  std::string directory = path_start == std::string::npos
                              ? origin + "/"
                              : safe_base->substr(0, safe_base->find_first_of("?#", path_start));
  directory = directory.substr(0, directory.rfind('/') + 1);
  if (directory.size() <= scheme_end) directory = origin + "/";
  return core::safe_http_url(directory + std::string(url));
}

std::vector<core::Block> sanitize_html(std::string_view html, std::string_view base_url) {
  if (html.size() > kMaxHtml) html = html.substr(0, kMaxHtml);
  const std::string valid = drop_invalid_utf8(html);
  const std::string lower = util::to_lower(valid);
  BlockBuilder builder(base_url);
  std::size_t i = 0;
  std::size_t text_start = 0;
  const std::string_view input = valid;
  while (i < input.size()) {
    if (input[i] != '<') {
      ++i;
      continue;
    }
    const std::string_view next = input.substr(i + 1, 2);
    const bool is_tag =
        !next.empty() &&
        (is_letter(next[0]) || (next[0] == '/' && next.size() > 1 && is_letter(next[1])));
    const bool is_other = !next.empty() && (next[0] == '!' || next[0] == '?');
    if (!is_tag && !is_other) {
      ++i;
      continue;
    }
    builder.text(input.substr(text_start, i - text_start));
    if (is_other) {
      const bool comment = input.substr(i, 4) == "<!--";
      const std::size_t end = comment ? input.find("-->", i + 4) : input.find('>', i);
      i = end == std::string_view::npos ? input.size() : end + (comment ? 3 : 1);
    } else {
      const Tag tag = read_tag(input, i);
      if (!tag.closing && one_of(kDropped, tag.name)) {
        i = skip_element(lower, i, tag.name);
      } else {
        builder.tag(tag);
      }
    }
    text_start = i;
  }
  builder.text(input.substr(text_start));
  return builder.finish();
}

std::string html_to_text(std::string_view html) {
  std::string text = core::blocks_plain_text(sanitize_html(html));
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace cdscb::server::news
