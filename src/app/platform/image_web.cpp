#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/image.h"
#include "app/platform/requests.h"

// The texture is registered in Emscripten's GL name table, so ImGui's renderer binds it by name
// and glDeleteTextures frees it like any other.
// clang-format off
EM_JS(void, js_image_load, (const char* id, const char* url, int max_width), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  const images = Module.bridges.images;
  if (!images) return reply({error: "unavailable"});
  images.decode(UTF8ToString(url), max_width).then((bitmap) => {
    const texture = GLctx.createTexture();
    const name = GL.getNewId(GL.textures);
    texture.name = name;
    GL.textures[name] = texture;
    GLctx.bindTexture(GLctx.TEXTURE_2D, texture);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MIN_FILTER, GLctx.LINEAR);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MAG_FILTER, GLctx.LINEAR);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_S, GLctx.CLAMP_TO_EDGE);
    GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_T, GLctx.CLAMP_TO_EDGE);
    GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, bitmap);
    GLctx.bindTexture(GLctx.TEXTURE_2D, null);
    const size = {texture: name, width: bitmap.width, height: bitmap.height};
    bitmap.close();
    reply(size);
  }, (e) => reply({error: String(e && e.message ? e.message : e)}));
});
EM_JS(void, js_image_prefetch, (const char* url), {
  if (Module.bridges.images) Module.bridges.images.prefetch(UTF8ToString(url));
});
// clang-format on

namespace cdscb::app::platform::image {

std::string load(std::string_view url, int max_width) {
  std::string id = next_request_id("image");
  js_image_load(id.c_str(), std::string(url).c_str(), max_width);
  return id;
}

void release(unsigned texture) {
  GLuint name = texture;
  glDeleteTextures(1, &name);
}

void prefetch(std::string_view url) { js_image_prefetch(std::string(url).c_str()); }

}  // namespace cdscb::app::platform::image
