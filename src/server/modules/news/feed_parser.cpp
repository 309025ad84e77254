#include "modules/news/feed_parser.h"

#include <pugixml.hpp>
#include <sstream>

#include "core/time_text.h"
#include "modules/news/dates.h"
#include "modules/news/html_sanitizer.h"
#include "util/strings.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kMaxItems = 200;

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element whose name is `name` (with its prefix, e.g. "content:encoded").
pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const auto& element : node.children()) {
    if (element.type() == pugi::node_element && std::string_view(element.name()) == name) {
      return element;
    }
  }
  return {};
}

// All text and CDATA inside `node` (Atom "xhtml" content: the markup itself).
std::string text_of(const pugi::xml_node& node) {
  if (!node) return {};
  if (std::string_view(node.attribute("type").value()) == "xhtml") {
    std::ostringstream out;
    for (const auto& part : node.children()) part.print(out, "", pugi::format_raw);
    return out.str();
  }
  std::string out;
  for (const auto& part : node.children()) {
    if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) out += part.value();
  }
  return std::string(util::trim(out));
}

bool is_image(const pugi::xml_node& node) {
  const std::string type = node.attribute("type").value();
  const std::string medium = node.attribute("medium").value();
  return type.starts_with("image/") || medium == "image" || (type.empty() && medium.empty());
}

std::string image_of(const pugi::xml_node& item) {
  for (const auto& element : item.children()) {
    const std::string_view name = element.name();
    if ((name == "enclosure" || name == "media:content") && is_image(element)) {
      return element.attribute("url").value();
    }
    if (name == "media:thumbnail") return element.attribute("url").value();
    if (name == "media:group") {
      if (auto inner = image_of(element); !inner.empty()) return inner;
    }
    if (name == "link" && std::string_view(element.attribute("rel").value()) == "enclosure" &&
        std::string_view(element.attribute("type").value()).starts_with("image/")) {
      return element.attribute("href").value();
    }
  }
  return {};
}

std::optional<ParsedFeed> parse_rss(const pugi::xml_node& rss) {
  const pugi::xml_node channel = child(rss, "channel");
  if (!channel) return std::nullopt;
  ParsedFeed feed;
  feed.title = html_to_text(text_of(child(channel, "title")));
  for (const auto& node : channel.children("item")) {
    if (feed.items.size() >= kMaxItems) break;
    FeedItem item;
    item.title = html_to_text(text_of(child(node, "title")));
    item.link = text_of(child(node, "link"));
    item.guid = text_of(child(node, "guid"));
    item.summary_html = text_of(child(node, "description"));
    item.content_html = text_of(child(node, "content:encoded"));
    item.published = parse_rfc822(text_of(child(node, "pubDate")));
    for (const char* name : {"atom:updated", "dc:date"}) {
      if (auto date = core::parse_rfc3339(util::trim(text_of(child(node, name)))))
        item.updated = date;
    }
    item.image_url = image_of(node);
    feed.items.push_back(std::move(item));
  }
  return feed;
}

std::string atom_link(const pugi::xml_node& entry) {
  for (const auto& link : entry.children()) {
    if (local_name(link) != "link") continue;
    const std::string_view rel = link.attribute("rel").value();
    if (rel.empty() || rel == "alternate") return link.attribute("href").value();
  }
  return {};
}

ParsedFeed parse_atom(const pugi::xml_node& root) {
  ParsedFeed feed;
  for (const auto& node : root.children()) {
    const std::string_view name = local_name(node);
    if (name == "title") feed.title = html_to_text(text_of(node));
    if (name != "entry" || feed.items.size() >= kMaxItems) continue;
    FeedItem item;
    for (const auto& field : node.children()) {
      const std::string_view field_name = local_name(field);
      if (field_name == "title") item.title = html_to_text(text_of(field));
      if (field_name == "id") item.guid = text_of(field);
      if (field_name == "summary") item.summary_html = text_of(field);
      if (field_name == "content") item.content_html = text_of(field);
      if (field_name == "published")
        item.published = core::parse_rfc3339(util::trim(text_of(field)));
      if (field_name == "updated") item.updated = core::parse_rfc3339(util::trim(text_of(field)));
    }
    item.link = atom_link(node);
    item.image_url = image_of(node);
    feed.items.push_back(std::move(item));
  }
  return feed;
}

}  // namespace

std::optional<ParsedFeed> parse_feed(std::string_view xml, std::string& error) {
  pugi::xml_document document;
  // No DOCTYPE processing: pugixml never fetches or expands external entities.
  const pugi::xml_parse_result result =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!result) {
    error = std::string("malformed XML at byte ") + std::to_string(result.offset) + ": " +
            result.description();
    return std::nullopt;
  }
  const pugi::xml_node root = document.document_element();
  const std::string_view name = local_name(root);
  std::optional<ParsedFeed> feed;
  if (name == "rss") feed = parse_rss(root);
  if (name == "feed") feed = parse_atom(root);
  if (!feed) {
    error = "not an RSS 2.0 or Atom feed (root element <" + std::string(root.name()) + ">)";
    return std::nullopt;
  }
  for (FeedItem& item : feed->items) {
    item.link = util::trim(item.link);
    if (item.guid.empty()) item.guid = item.link;
    if (item.guid.empty()) item.guid = item.title;
  }
  return feed;
}

}  // namespace cdscb::server::news
