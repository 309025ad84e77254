#pragma once
// The app: state, screens and one frame of the loop (events → widgets → render → mirror).
#include <SDL.h>

#include <map>
#include <memory>

#include "app/app_context.h"
#include "app/fonts.h"
#include "app/frame_pacer.h"
#include "app/screens/screen.h"

namespace cdscb::app {

class App {
 public:
  explicit App(SDL_Window* window);
  void frame();
  bool quit_requested() const { return quit_; }
  unsigned frames_rendered() const { return pacer_.frames_rendered(); }

 private:
  bool poll_events();
  bool apply_inbox();
  void recheck_connectivity(double now);
  void back_online();
  void load_settings();
  void apply_settings();
  void render();

  SDL_Window* window_;
  state::Settings settings_;
  state::I18n i18n_;
  ui::Mirror mirror_;
  ui::Theme theme_;
  ui::TouchScroller scroller_;
  ui::Overlays overlays_;
  api::Client api_;
  state::Connectivity connectivity_;
  state::Session session_;
  state::Replies replies_;
  ui::ImageCache images_;
  state::News news_;
  state::Outbox outbox_;
  state::Navigation nav_;
  FontFiles font_files_;
  FontAtlas atlas_;
  FramePacer pacer_;
  double next_recheck_ = 0;  // while the server does not answer: when to ask again
  std::map<core::Screen, std::unique_ptr<screens::Screen>> screens_;
  AppContext ctx_;
  bool quit_ = false;
  bool entered_ = false;
  core::Screen entered_screen_ = core::Screen::kHome;
};

}  // namespace cdscb::app
