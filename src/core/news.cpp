#include "core/news.h"

#include "core/text.h"

namespace cdscb::core {
namespace {

constexpr std::size_t kMaxUrlLength = 2000;

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

void add_text(Spans& spans, std::string_view text) {
  if (text.empty()) return;
  if (!spans.empty() && spans.back().href.empty() && !spans.back().bold && !spans.back().italic) {
    spans.back().text += text;
  } else {
    Span span;
    span.text = text;
    spans.push_back(std::move(span));
  }
}

// Plain text with [label](url) links.
Spans parse_inline(std::string_view s) {
  Spans spans;
  std::size_t plain_start = 0;
  std::size_t i = 0;
  while ((i = s.find('[', i)) != std::string_view::npos) {
    const std::size_t label_end = s.find("](", i + 1);
    const std::size_t nested = s.find('[', i + 1);
    if (label_end == std::string_view::npos ||
        (nested != std::string_view::npos && nested < label_end)) {
      ++i;
      continue;
    }
    // The URL ends at the ")" that balances "(": a target may hold parentheses of its own.
    std::size_t url_end = label_end + 2;
    for (int depth = 0; url_end < s.size(); ++url_end) {
      if (s[url_end] == '(') ++depth;
      if (s[url_end] == ')' && depth-- == 0) break;
    }
    if (url_end >= s.size()) url_end = std::string_view::npos;
    if (url_end == std::string_view::npos || label_end == i + 1) {
      ++i;
      continue;
    }
    add_text(spans, s.substr(plain_start, i - plain_start));
    const std::string_view label = s.substr(i + 1, label_end - i - 1);
    const std::string_view url = trim_spaces(s.substr(label_end + 2, url_end - label_end - 2));
    if (const auto href = safe_http_url(url)) {
      Span link;
      link.text = label;
      link.href = *href;
      spans.push_back(std::move(link));
    } else {
      add_text(spans, label);  // an unsafe link keeps its words, never its target
    }
    i = plain_start = url_end + 1;
  }
  add_text(spans, s.substr(plain_start));
  return spans;
}

std::string spans_text(const Spans& spans) {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

Block paragraph_block(Spans spans) {
  Block block;
  block.type = Block::Type::kParagraph;
  block.spans = std::move(spans);
  return block;
}

Block heading_block(int level, std::string text) {
  Block block;
  block.type = Block::Type::kHeading;
  block.level = level;
  block.text = std::move(text);
  return block;
}

Block list_block() {
  Block block;
  block.type = Block::Type::kList;
  return block;
}

// "#", "##", "-" alone: a heading or item without words, dropped.
bool is_bare_marker(std::string_view line) {
  return line == "-" || line == "*" || line.find_first_not_of('#') == std::string_view::npos;
}

}  // namespace

std::optional<std::string> safe_http_url(std::string_view url) {
  std::size_t scheme = 0;
  if (starts_with_ci(url, "https://")) {
    scheme = 8;
  } else if (starts_with_ci(url, "http://")) {
    scheme = 7;
  } else {
    return std::nullopt;
  }
  if (url.size() <= scheme || url.size() > kMaxUrlLength || !is_valid_utf8(url))
    return std::nullopt;
  const char first = url[scheme];
  if (first == '/' || first == '\\' || first == '?' || first == '#') return std::nullopt;
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return std::nullopt;
    }
  }
  std::string out(url);
  for (std::size_t i = 0; i < scheme; ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
  return out;
}

std::vector<Block> text_to_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::string paragraph;
  Block list = list_block();
  const auto flush_paragraph = [&] {
    if (!paragraph.empty()) {
      blocks.push_back(paragraph_block(parse_inline(paragraph)));
    }
    paragraph.clear();
  };
  const auto flush_list = [&] {
    if (!list.items.empty()) blocks.push_back(std::move(list));
    list = list_block();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = trim_spaces(line);
    if (line.empty() || is_bare_marker(line)) {
      flush_paragraph();
      flush_list();
    } else if (line.starts_with("### ") || line.starts_with("## ") || line.starts_with("# ")) {
      flush_paragraph();
      flush_list();
      const std::size_t marks = line.find(' ');
      const std::string heading = spans_text(parse_inline(trim_spaces(line.substr(marks))));
      if (!heading.empty()) {
        blocks.push_back(heading_block(marks == 3 ? 3 : 2, heading));
      }
    } else if (line.starts_with("- ") || line.starts_with("* ")) {
      flush_paragraph();
      const std::string_view item = trim_spaces(line.substr(2));
      if (!item.empty()) list.items.push_back(parse_inline(item));
    } else {
      flush_list();
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
  }
  flush_paragraph();
  flush_list();
  return blocks;
}

std::string blocks_plain_text(const std::vector<Block>& blocks) {
  std::string out;
  const auto line = [&out](std::string_view text) {
    if (text.empty()) return;
    if (!out.empty()) out += '\n';
    out += text;
  };
  for (const Block& block : blocks) {
    switch (block.type) {
      case Block::Type::kHeading:
        line(block.text);
        break;
      case Block::Type::kParagraph:
        line(spans_text(block.spans));
        break;
      case Block::Type::kList:
        for (const Spans& item : block.items) line(spans_text(item));
        break;
      case Block::Type::kImage:
        line(block.alt);
        break;
    }
  }
  return out;
}

const std::vector<NewsCategory>& news_categories() {
  static const std::vector<NewsCategory> categories = {
      {"thong-bao", "Thông báo"},
      {"chinh-sach-phap-luat", "Chính sách – Pháp luật"},
      {"kinh-te", "Kinh tế"},
      {"van-hoa-du-lich", "Văn hóa – Du lịch"},
      {"giao-duc-y-te", "Giáo dục – Y tế"},
      {"phong-chong-thien-tai", "Phòng chống thiên tai"},
      {"an-ninh-trat-tu", "An ninh – Trật tự"},
  };
  return categories;
}

std::optional<NewsCategory> find_news_category(std::string_view code) {
  for (const NewsCategory& category : news_categories()) {
    if (category.code == code) return category;
  }
  return std::nullopt;
}

bool is_alert_kind(std::string_view kind) {
  return kind == "flood" || kind == "landslide" || kind == "storm" || kind == "other";
}

}  // namespace cdscb::core
