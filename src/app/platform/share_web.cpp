#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/requests.h"
#include "app/platform/share.h"

// clang-format off
EM_JS(void, js_share, (const char* id, const char* title, const char* route), {
  const rid = UTF8ToString(id);
  const reply = (result) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify({result: result})]);
  if (!Module.bridges.share) return reply("failed");
  Module.bridges.share.share(UTF8ToString(title), UTF8ToString(route)).then(reply);
});
EM_JS(void, js_share_text, (const char* id, const char* title, const char* text), {
  const rid = UTF8ToString(id);
  const reply = (result) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify({result: result})]);
  if (!Module.bridges.share) return reply("failed");
  Module.bridges.share.shareText(UTF8ToString(title), UTF8ToString(text)).then(reply);
});
// clang-format on

namespace cdscb::app::platform::share {

std::string share(std::string_view title, std::string_view route) {
  std::string id = next_request_id("share");
  js_share(id.c_str(), std::string(title).c_str(), std::string(route).c_str());
  return id;
}

std::string share_text(std::string_view title, std::string_view text) {
  std::string id = next_request_id("share");
  js_share_text(id.c_str(), std::string(title).c_str(), std::string(text).c_str());
  return id;
}

}  // namespace cdscb::app::platform::share
