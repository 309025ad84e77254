#include "modules/news/blocks_json.h"

namespace cdscb::server::news {
namespace {

nlohmann::json spans_to_json(const core::Spans& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const core::Span& span : spans) {
    nlohmann::json item = {{"text", span.text}};
    if (span.bold) item["bold"] = true;
    if (span.italic) item["italic"] = true;
    if (!span.href.empty()) item["href"] = span.href;
    out.push_back(std::move(item));
  }
  return out;
}

core::Spans spans_from_json(const nlohmann::json& value) {
  core::Spans spans;
  if (!value.is_array()) return spans;
  for (const auto& item : value) {
    if (!item.is_object() || !item.contains("text") || !item["text"].is_string()) continue;
    core::Span span;
    span.text = item["text"].get<std::string>();
    span.bold = item.value("bold", false);
    span.italic = item.value("italic", false);
    if (item.contains("href") && item["href"].is_string()) {
      span.href = core::safe_http_url(item["href"].get<std::string>()).value_or("");
    }
    spans.push_back(std::move(span));
  }
  return spans;
}

nlohmann::json optional_int(const std::optional<int>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json blocks_to_json(const std::vector<core::Block>& blocks) {
  nlohmann::json out = nlohmann::json::array();
  for (const core::Block& block : blocks) {
    switch (block.type) {
      case core::Block::Type::kHeading:
        out.push_back({{"type", "heading"}, {"level", block.level}, {"text", block.text}});
        break;
      case core::Block::Type::kParagraph:
        out.push_back({{"type", "paragraph"}, {"spans", spans_to_json(block.spans)}});
        break;
      case core::Block::Type::kList: {
        nlohmann::json items = nlohmann::json::array();
        for (const core::Spans& item : block.items) items.push_back(spans_to_json(item));
        out.push_back({{"type", "list"}, {"ordered", block.ordered}, {"items", items}});
        break;
      }
      case core::Block::Type::kImage:
        out.push_back({{"type", "image"},
                       {"url", block.url},
                       {"thumb_url", block.thumb_url},
                       {"alt", block.alt},
                       {"width", optional_int(block.width)},
                       {"height", optional_int(block.height)}});
        break;
    }
  }
  return out;
}

std::vector<core::Block> blocks_from_json(const nlohmann::json& value) {
  std::vector<core::Block> blocks;
  if (!value.is_array()) return blocks;
  for (const auto& item : value) {
    if (!item.is_object() || !item.contains("type") || !item["type"].is_string()) continue;
    const std::string type = item["type"];
    core::Block block;
    if (type == "heading") {
      block.type = core::Block::Type::kHeading;
      block.level = item.value("level", 2) == 3 ? 3 : 2;
      block.text = item.value("text", "");
    } else if (type == "paragraph") {
      block.type = core::Block::Type::kParagraph;
      block.spans = spans_from_json(item.value("spans", nlohmann::json::array()));
    } else if (type == "list") {
      block.type = core::Block::Type::kList;
      block.ordered = item.value("ordered", false);
      for (const auto& spans : item.value("items", nlohmann::json::array())) {
        block.items.push_back(spans_from_json(spans));
      }
    } else if (type == "image") {
      block.type = core::Block::Type::kImage;
      block.url = item.value("url", "");
      block.thumb_url = item.value("thumb_url", "");
      block.alt = item.value("alt", "");
      if (item.contains("width") && item["width"].is_number_integer()) block.width = item["width"];
      if (item.contains("height") && item["height"].is_number_integer()) {
        block.height = item["height"];
      }
    } else {
      continue;
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace cdscb::server::news
