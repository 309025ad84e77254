// RSS 2.0 and Atom 1.0 feeds read with pugixml into the items the importer stores.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::server::news {

struct FeedItem {
  std::string guid;  // guid / id, else the link: what identifies the item within its feed
  std::string link;
  std::string title;         // plain text
  std::string summary_html;  // description / summary
  std::string content_html;  // content:encoded / content
  std::optional<long long> published;
  std::optional<long long> updated;
  std::string image_url;  // enclosure, media:content or media:thumbnail of an image, if any
};

struct ParsedFeed {
  std::string title;
  std::vector<FeedItem> items;
};

// The feed, or nullopt with `error` set for malformed XML or a document that is neither RSS 2.0
// nor Atom.
std::optional<ParsedFeed> parse_feed(std::string_view xml, std::string& error);

}  // namespace cdscb::server::news
