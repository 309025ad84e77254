#pragma once
// What a screen needs while drawing: the state it shows and the services it calls.
#include <functional>

#include "app/api/client.h"
#include "app/state/connectivity.h"
#include "app/state/i18n.h"
#include "app/state/navigation.h"
#include "app/state/news_state.h"
#include "app/state/replies.h"
#include "app/state/outbox.h"
#include "app/state/session.h"
#include "app/state/settings.h"
#include "app/ui/image_cache.h"
#include "app/ui/mirror.h"
#include "app/ui/overlays.h"
#include "app/ui/scroller.h"
#include "app/ui/theme.h"

namespace cdscb::app {

struct AppContext {
  state::Navigation& nav;
  state::I18n& i18n;
  state::Settings& settings;
  ui::Mirror& mirror;
  ui::Theme& theme;
  ui::TouchScroller& scroller;
  ui::Overlays& overlays;
  api::Client& api;
  state::Connectivity& connectivity;
  state::Session& session;
  state::Replies& replies;  // answers to platform requests (store, share)
  ui::ImageCache& images;
  state::News& news;
  std::function<void()> settings_changed;  // persist and apply (fonts, language)
  state::Outbox& outbox;                   // feedback waiting to be sent

  const char* t(std::string_view key) const { return i18n.t(key); }
};

}  // namespace cdscb::app
