#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/platform/map.h"

// clang-format off
EM_JS(void, js_map_place, (const char* id, float x, float y, float w, float h, float cx, float cy,
                           float cw, float ch, double lat, double lon, int zoom, int pin,
                           double pinLat, double pinLon, int draggable), {
  Module.bridges.map.place(UTF8ToString(id), {x, y, w, h}, {x: cx, y: cy, w: cw, h: ch},
                           {lat, lon, zoom, pin: !!pin, pinLat, pinLon, draggable: !!draggable});
});
EM_JS(void, js_map_hide, (const char* id), { Module.bridges.map.hide(UTF8ToString(id)); });
EM_JS(void, js_map_markers, (const char* id, const char* markers), {
  Module.bridges.map.setMarkers(UTF8ToString(id), JSON.parse(UTF8ToString(markers)));
});
// clang-format on

namespace cdscb::app::platform::map {

void place(std::string_view id, const OverlayPlacement& p, const View& view) {
  js_map_place(std::string(id).c_str(), p.rect.x, p.rect.y, p.rect.w, p.rect.h, p.clip.x, p.clip.y,
               p.clip.w, p.clip.h, view.lat, view.lon, view.zoom, view.pin, view.pin_lat,
               view.pin_lon, view.draggable);
}

void hide(std::string_view id) { js_map_hide(std::string(id).c_str()); }

void set_markers(std::string_view id, const std::vector<Marker>& markers) {
  nlohmann::json list = nlohmann::json::array();
  for (const Marker& m : markers) {
    list.push_back({{"id", m.id},
                    {"lat", m.lat},
                    {"lon", m.lon},
                    {"title", m.title},
                    {"status", m.status},
                    {"label", m.label}});
  }
  js_map_markers(std::string(id).c_str(),
                 list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace cdscb::app::platform::map
