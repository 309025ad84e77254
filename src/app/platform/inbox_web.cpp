// The functions the page calls into the app (exported from the wasm module).
#include <emscripten/emscripten.h>

#include "app/platform/inbox.h"

namespace cdscb::app::platform {

Inbox& inbox() {
  static Inbox the_inbox;
  return the_inbox;
}

}  // namespace cdscb::app::platform

namespace {

void push(platform::InboundEvent::Kind kind, const char* id, const char* value) {
  platform::inbox().push({kind, id ? id : "", value ? value : ""});
  platform::request_wake();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void app_wake() { platform::request_wake(); }

EMSCRIPTEN_KEEPALIVE void mirror_activate(const char* id) {
  push(platform::InboundEvent::Kind::kActivate, id, nullptr);
}

EMSCRIPTEN_KEEPALIVE void mirror_set_value(const char* id, const char* value) {
  push(platform::InboundEvent::Kind::kSetValue, id, value);
}

EMSCRIPTEN_KEEPALIVE void mirror_focus(const char* id, int focused) {
  push(focused ? platform::InboundEvent::Kind::kFocus : platform::InboundEvent::Kind::kBlur, id,
       nullptr);
}

EMSCRIPTEN_KEEPALIVE void app_route_changed(const char* hash) {
  push(platform::InboundEvent::Kind::kRouteChanged, nullptr, hash);
}

EMSCRIPTEN_KEEPALIVE void app_network_changed() {
  push(platform::InboundEvent::Kind::kNetworkChanged, nullptr, nullptr);
}

EMSCRIPTEN_KEEPALIVE void app_reply(const char* request_id, const char* json) {
  push(platform::InboundEvent::Kind::kReply, request_id, json);
}

}  // extern "C"
