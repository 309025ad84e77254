#pragma once
// A news body (core/news.h's safe blocks) as the JSON of the API contract and back, shared by the
// server (its answers and the stored bodies) and the app (what it renders). A template over the
// JSON type, as core/directory_json.h, so that core itself needs no JSON library: callers pass
// nlohmann::json.
#include <optional>
#include <string>
#include <vector>

#include "core/json_read.h"
#include "core/news.h"

namespace cdscb::core {
namespace news_json_detail {

template <class Json>
Json spans_json(const Spans& spans) {
  Json out = Json::array();
  for (const Span& span : spans) {
    Json item = {{"text", span.text}};
    if (span.bold) item["bold"] = true;
    if (span.italic) item["italic"] = true;
    if (!span.href.empty()) item["href"] = span.href;
    out.push_back(std::move(item));
  }
  return out;
}

// Spans without text are dropped; a link to anything but http(s) keeps only its text.
template <class Json>
Spans spans_from(const Json& value) {
  Spans spans;
  if (!value.is_array()) return spans;
  for (const auto& item : value) {
    Span span{.text = json_read::text(item, "text"),
              .bold = json_read::flag(item, "bold"),
              .italic = json_read::flag(item, "italic"),
              .href = safe_http_url(json_read::text(item, "href")).value_or("")};
    if (!span.text.empty()) spans.push_back(std::move(span));
  }
  return spans;
}

template <class Json>
std::optional<int> small_int(const Json& j, const char* key) {
  const auto value = json_read::optional_integer(j, key);
  if (!value || *value < 0 || *value > 1'000'000) return std::nullopt;
  return static_cast<int>(*value);
}

template <class Json>
Json optional_int_json(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace news_json_detail

template <class Json>
Json news_blocks_json(const std::vector<Block>& blocks) {
  using namespace news_json_detail;
  Json out = Json::array();
  for (const Block& block : blocks) {
    switch (block.type) {
      case Block::Type::kHeading:
        out.push_back(Json{{"type", "heading"}, {"level", block.level}, {"text", block.text}});
        break;
      case Block::Type::kParagraph:
        out.push_back(Json{{"type", "paragraph"}, {"spans", spans_json<Json>(block.spans)}});
        break;
      case Block::Type::kList: {
        Json items = Json::array();
        for (const Spans& item : block.items) items.push_back(spans_json<Json>(item));
        out.push_back(Json{{"type", "list"}, {"ordered", block.ordered}, {"items", items}});
        break;
      }
      case Block::Type::kImage:
        out.push_back(Json{{"type", "image"},
                           {"url", block.url},
                           {"thumb_url", block.thumb_url},
                           {"alt", block.alt},
                           {"width", optional_int_json<Json>(block.width)},
                           {"height", optional_int_json<Json>(block.height)}});
        break;
    }
  }
  return out;
}

// Read defensively: an entry of an unknown type (a newer server), malformed, or with nothing to
// show (a heading without text, a paragraph or list without spans, an image without a URL) is
// skipped and the rest still reads.
template <class Json>
std::vector<Block> news_blocks_from_json(const Json& value) {
  using namespace news_json_detail;
  std::vector<Block> blocks;
  if (!value.is_array()) return blocks;
  for (const auto& item : value) {
    const std::string type = json_read::text(item, "type");
    Block block;
    if (type == "heading") {
      block.type = Block::Type::kHeading;
      block.level = json_read::optional_integer(item, "level").value_or(2) >= 3 ? 3 : 2;
      block.text = json_read::text(item, "text");
      if (block.text.empty()) continue;
    } else if (type == "paragraph") {
      block.type = Block::Type::kParagraph;
      block.spans = spans_from(item.contains("spans") ? item["spans"] : Json());
      if (block.spans.empty()) continue;
    } else if (type == "list") {
      block.type = Block::Type::kList;
      block.ordered = json_read::flag(item, "ordered");
      if (item.contains("items") && item["items"].is_array())
        for (const auto& spans : item["items"])
          if (auto read = spans_from(spans); !read.empty()) block.items.push_back(std::move(read));
      if (block.items.empty()) continue;
    } else if (type == "image") {
      block.type = Block::Type::kImage;
      block.url = json_read::text(item, "url");
      block.thumb_url = json_read::text(item, "thumb_url");
      block.alt = json_read::text(item, "alt");
      block.width = small_int(item, "width");
      block.height = small_int(item, "height");
      if (block.url.empty() && block.thumb_url.empty()) continue;
    } else {
      continue;
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace cdscb::core
