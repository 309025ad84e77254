// HLS playlists as the relay passes them on: every URI of the source's playlist (a rendition, a
// segment, a key or an init section) becomes a plain file name served under
// /api/v1/cameras/{code}/live/, relative to the playlist, so the source's address never reaches a
// browser. Pure functions: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::server::cameras {

// `uri` as a playlist at `base` names it: absolute URLs as they are, "/path" on base's origin,
// anything else next to base (its query dropped).
std::string resolve_uri(std::string_view base, std::string_view uri);

// The public file name for an upstream URI: its last path segment without the query when that is
// a safe name ([A-Za-z0-9_.-], not starting with '.', at most 100 bytes), else a name made from a
// hash of the URI with the same extension.
std::string public_name(std::string_view uri);

struct RewrittenPlaylist {
  std::string text;  // the playlist with every URI replaced by its public name
  bool master = false;
  // (public name, absolute upstream URL) of every URI it named, in order.
  std::vector<std::pair<std::string, std::string>> names;
};

// nullopt when `text` is not an HLS playlist (no #EXTM3U first, no entry at all, or bytes that are
// not text), which the relay answers with 502.
std::optional<RewrittenPlaylist> rewrite_playlist(std::string_view text, std::string_view base);

// The URI (as listed) of the lowest-bandwidth rendition of a master playlist, or nullopt.
std::optional<std::string> lowest_rendition(std::string_view master);
// The URI of the newest segment of a media playlist, or nullopt.
std::optional<std::string> newest_segment(std::string_view media);

}  // namespace cdscb::server::cameras
