#pragma once
// News articles' bodies as a short list of safe blocks (headings, paragraphs of styled spans,
// lists, images), the same for an official's text and a sanitised feed item, so the app renders one
// format and never HTML. Also the news categories and the plain-text format officials write in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::core {

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string href;  // empty, or an http(s) URL
};
using Spans = std::vector<Span>;

struct Block {
  enum class Type { kHeading, kParagraph, kList, kImage };
  Type type = Type::kParagraph;
  int level = 2;              // heading: 2 or 3
  std::string text;           // heading text
  Spans spans;                // paragraph
  bool ordered = false;       // list
  std::vector<Spans> items;   // list
  std::string url;            // image
  std::string thumb_url;      // image
  std::string alt;            // image
  std::optional<int> width;   // image, pixels when known
  std::optional<int> height;  // image
};

// The text of every block, one block per line, for search and summaries.
std::string blocks_plain_text(const std::vector<Block>& blocks);

// `url` when it is an absolute http:// or https:// URL without spaces or control characters;
// nullopt for anything else (javascript:, data:, relative, malformed).
std::optional<std::string> safe_http_url(std::string_view url);

// An official's plain text as blocks: a blank line starts a new paragraph, "## " a heading
// (level 2; "### " level 3), "- " (or "* ") a list item, and [label](https://url) a link;
// a link to anything but http(s) keeps only its label. Line breaks inside a paragraph are spaces.
std::vector<Block> text_to_blocks(std::string_view text);

struct NewsCategory {
  std::string_view code;
  std::string_view name;
};
const std::vector<NewsCategory>& news_categories();
std::optional<NewsCategory> find_news_category(std::string_view code);

// Alert kinds: "flood", "landslide", "storm", "other".
bool is_alert_kind(std::string_view kind);

}  // namespace cdscb::core
