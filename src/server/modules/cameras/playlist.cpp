#include "modules/cameras/playlist.h"

#include <cstdlib>

#include "security/crypto.h"

namespace cdscb::server::cameras {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool safe_name(std::string_view name) {
  if (name.empty() || name.size() > 100 || name.front() == '.') return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool is_text(std::string_view text) {
  for (const unsigned char c : text) {
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) return false;
  }
  return true;
}

// The value of ATTRIBUTE=value (or "value") in a tag's attribute list, or nullopt.
std::optional<std::string_view> attribute(std::string_view line, std::string_view name) {
  std::size_t at = 0;
  while ((at = line.find(name, at)) != std::string_view::npos) {
    const bool starts = at > 0 && (line[at - 1] == ':' || line[at - 1] == ',');
    const std::size_t eq = at + name.size();
    if (starts && eq < line.size() && line[eq] == '=') {
      std::string_view rest = line.substr(eq + 1);
      if (!rest.empty() && rest.front() == '"') {
        const std::size_t close = rest.find('"', 1);
        return rest.substr(1, close == std::string_view::npos ? rest.size() - 1 : close - 1);
      }
      return rest.substr(0, rest.find(','));
    }
    at = eq;
  }
  return std::nullopt;
}

}  // namespace

std::string resolve_uri(std::string_view base, std::string_view uri) {
  if (uri.starts_with("http://") || uri.starts_with("https://")) return std::string(uri);
  const std::size_t scheme = base.find("://");
  const std::size_t path_start = scheme == std::string_view::npos ? 0 : base.find('/', scheme + 3);
  const std::string_view origin =
      path_start == std::string_view::npos ? base : base.substr(0, path_start);
  if (uri.starts_with("//")) return std::string(base.substr(0, scheme + 1)) + std::string(uri);
  if (uri.starts_with("/")) return std::string(origin) + std::string(uri);
  const std::string_view path = base.substr(0, base.find('?'));
  const std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || path_start == std::string_view::npos ||
      slash < path_start) {
    return std::string(origin) + "/" + std::string(uri);
  }
  return std::string(path.substr(0, slash + 1)) + std::string(uri);
}

std::string public_name(std::string_view uri) {
  std::string_view path = uri.substr(0, uri.find_first_of("?#"));
  const std::size_t slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (safe_name(last)) return std::string(last);
  const std::size_t dot = last.rfind('.');
  std::string extension = dot == std::string_view::npos ? ".ts" : std::string(last.substr(dot));
  if (!safe_name(extension.substr(1)) || extension.size() > 8) extension = ".ts";
  return "u" + security::sha256_hex(uri).substr(0, 24) + extension;
}

std::optional<RewrittenPlaylist> rewrite_playlist(std::string_view text, std::string_view base) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!is_text(text) || !trim(text.substr(0, text.find('\n'))).starts_with("#EXTM3U")) {
    return std::nullopt;
  }
  RewrittenPlaylist out;
  bool entries = false;
  const auto rename = [&](std::string_view uri) {
    std::string absolute = resolve_uri(base, uri);
    std::string name = public_name(absolute);
    out.names.emplace_back(name, std::move(absolute));
    return name;
  };
  for (const std::string_view raw : lines_of(text)) {
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (line.front() != '#') {
      out.text += rename(line);
      entries = true;
    } else if (const auto uri = attribute(line, "URI")) {
      // EXT-X-MEDIA, EXT-X-KEY, EXT-X-MAP, EXT-X-I-FRAME-STREAM-INF: the URI attribute.
      const std::size_t at = static_cast<std::size_t>(uri->data() - line.data());
      out.text += std::string(line.substr(0, at)) + rename(*uri) +
                  std::string(line.substr(at + uri->size()));
    } else {
      out.text += line;
      if (line.starts_with("#EXT-X-STREAM-INF")) out.master = true;
      if (line.starts_with("#EXTINF") || line.starts_with("#EXT-X-ENDLIST")) entries = true;
    }
    out.text += '\n';
  }
  if (!entries) return std::nullopt;
  return out;
}

std::optional<std::string> lowest_rendition(std::string_view master) {
  std::optional<std::string> best;
  long long best_bandwidth = 0;
  std::optional<long long> pending;
  for (const std::string_view raw : lines_of(master)) {
    const std::string_view line = trim(raw);
    if (line.starts_with("#EXT-X-STREAM-INF")) {
      const auto bandwidth = attribute(line, "BANDWIDTH");
      pending = bandwidth ? std::atoll(std::string(*bandwidth).c_str()) : 0;
    } else if (!line.empty() && line.front() != '#' && pending) {
      if (!best || *pending < best_bandwidth) {
        best = std::string(line);
        best_bandwidth = *pending;
      }
      pending.reset();
    }
  }
  return best;
}

std::optional<std::string> newest_segment(std::string_view media) {
  std::optional<std::string> last;
  for (const std::string_view raw : lines_of(media)) {
    const std::string_view line = trim(raw);
    if (!line.empty() && line.front() != '#') last = std::string(line);
  }
  return last;
}

}  // namespace cdscb::server::cameras
