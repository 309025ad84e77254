#include "app/app.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include "app/platform/dom.h"
#include "app/platform/inbox.h"
#include "app/platform/storage.h"
#include "app/screens/registry.h"

namespace cdscb::app {
namespace {

state::Navigation::Hooks history_hooks() {
  if (!platform::dom::has_history()) return {};
  return {[](const std::string& hash) { platform::dom::history_push(hash); },
          [] { platform::dom::history_back(); },
          [](const std::string& hash) { platform::dom::history_replace(hash); }};
}

}  // namespace

App::App(SDL_Window* window)
    : window_(window),
      nav_(history_hooks()),
      font_files_(load_font_files()),
      screens_(screens::make_all()),
      ctx_{nav_,          i18n_,
           settings_,     mirror_,
           theme_,        scroller_,
           overlays_,     api_,
           connectivity_, session_,
           replies_,      images_,
           news_,         [this] { apply_settings(); },
           outbox_} {
  i18n_.load("vi", state::embedded_translation("vi"));
  i18n_.load("en", state::embedded_translation("en"));
  load_settings();
  nav_.route_changed(platform::dom::current_hash());
  theme_.apply_imgui_style();
  connectivity_.check(api_);
  session_.restore();
  session_.refresh(api_);
}

void App::load_settings() {
  if (auto lang = platform::storage::get("language"); lang && (*lang == "vi" || *lang == "en"))
    settings_.language = *lang;
  settings_.large_text = platform::storage::get("large_text").value_or("0") == "1";
  i18n_.set_language(settings_.language);
  platform::dom::set_document_language(settings_.language);
}

void App::apply_settings() {
  platform::storage::set("language", settings_.language);
  platform::storage::set("large_text", settings_.large_text ? "1" : "0");
  i18n_.set_language(settings_.language);
  platform::dom::set_document_language(settings_.language);
}

bool App::poll_events() {
  bool any = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    any = true;
    if (event.type == SDL_MOUSEWHEEL) {
      // Fractional wheel steps (trackpads, 50 px wheel ticks) scroll too: the backend of
      // ImGui 1.86 only counts whole steps and drops the rest.
      ImGuiIO& io = ImGui::GetIO();
      io.MouseWheel += event.wheel.preciseY;
      io.MouseWheelH += event.wheel.preciseX;
      continue;
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) quit_ = true;
  }
  return any;
}

bool App::apply_inbox() {
  using Kind = platform::InboundEvent::Kind;
  if (platform::inbox().empty()) return false;
  for (auto& e : platform::inbox().drain()) {
    switch (e.kind) {
      case Kind::kActivate:
        mirror_.activate(std::move(e.id));
        break;
      case Kind::kSetValue:
        mirror_.set_value(std::move(e.id), std::move(e.value));
        break;
      case Kind::kFocus:
        mirror_.set_focus(std::move(e.id), true);
        break;
      case Kind::kBlur:
        mirror_.set_focus(std::move(e.id), false);
        break;
      case Kind::kRouteChanged:
        nav_.route_changed(e.value);
        if (connectivity_.offline()) connectivity_.check(api_);
        break;
      case Kind::kNetworkChanged:
        connectivity_.check(api_);
        back_online();
        break;
      case Kind::kReply:
        // API answers wait in the client for the screen that asked; others are platform replies.
        if (!api_.deliver(e.id, e.value) && !replies_.deliver(e.id, e.value))
          images_.deliver(e.id, e.value);
        break;
      case Kind::kWake:
        break;
    }
  }
  // The server may come back with no network change the browser reports (it restarted, a
  // valley's link came back behind the same Wi-Fi): answering again counts as one.
  if (connectivity_.update(api_) && !connectivity_.offline()) back_online();
  session_.update(api_);
  news_.update(api_, replies_);
  return true;
}

void App::back_online() {
  // Started offline: who is signed in is confirmed only once the server answers.
  if (!session_.confirmed()) session_.refresh(api_);
  outbox_.network_changed();
}

// While the server does not answer, ask again every kRecheckSeconds, waking the paused frame loop
// for it: nothing else would notice the server return when the browser reports no change.
void App::recheck_connectivity(double now) {
  constexpr double kRecheckSeconds = 15;
  if (!connectivity_.offline()) {
    next_recheck_ = 0;
    return;
  }
  if (next_recheck_ > 0 && now < next_recheck_) return;
  if (next_recheck_ > 0) connectivity_.check(api_);
  next_recheck_ = now + kRecheckSeconds;
  platform::request_wake_after(kRecheckSeconds);
}

void App::frame() {
  const bool input = poll_events();
  const bool inbound = apply_inbox();
  const double now = SDL_GetTicks() / 1000.0;
  recheck_connectivity(now);
  outbox_.update(api_, replies_, session_, now);
  if (!pacer_.should_render(input || inbound, scroller_.animating())) return;
  render();
  pacer_.rendered();
}

void App::render() {
  int w, h, fb_w, fb_h;
  SDL_GetWindowSize(window_, &w, &h);
  SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
  const float ratio = w > 0 ? static_cast<float>(fb_w) / w : 1.0f;
  if (atlas_.update(font_files_, ratio, settings_.text_scale(), theme_)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (io.DeltaTime <= 0) io.DeltaTime = 1e-4f;
  scroller_.before_new_frame(io);
  ImGui::NewFrame();
  mirror_.begin_frame();
  overlays_.begin_frame();

  const core::Screen shown = nav_.current().screen;
  if (!entered_ || shown != entered_screen_) {
    entered_ = true;
    entered_screen_ = shown;
    screens_.at(shown)->on_enter(ctx_);
  }
  screens_.at(shown)->draw(ctx_);

  ImGui::Render();
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.96f, 0.965f, 0.973f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window_);

  if (auto json = mirror_.end_frame()) platform::dom::publish_mirror(*json);
  if (auto id = mirror_.take_focus_request()) platform::dom::focus_mirror_element(*id);
  overlays_.end_frame();
  images_.end_frame();
  // A screen change lays out on the next frame; make sure that frame happens.
  if (nav_.current().screen != shown) platform::request_wake();
}

}  // namespace cdscb::app
