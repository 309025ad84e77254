#include "core/devices.h"

#include <doctest/doctest.h>

using namespace cdscb;

namespace {

core::Device of(const char* agent) { return core::describe_user_agent(agent); }

}  // namespace

TEST_CASE("devices: common phone and desktop browsers by name and system") {
  const auto android =
      of("Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/126.0.0.0 Mobile Safari/537.36");
  CHECK(android.browser == "Chrome");
  CHECK(android.system == "Android");
  const auto iphone =
      of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
         "Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
  CHECK(iphone.browser == "Safari");
  CHECK(iphone.system == "iPhone");
  const auto windows =
      of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0");
  CHECK(windows.browser == "Edge");
  CHECK(windows.system == "Windows");
  const auto firefox = of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
  CHECK(firefox.browser == "Firefox");
  CHECK(firefox.system == "Linux");
}

TEST_CASE("devices: browsers that also call themselves Chrome are named for what they are") {
  CHECK(of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "coc_coc_browser/124.0.0 Chrome/118.0.0.0 Safari/537.36")
            .browser == "Cốc Cốc");
  CHECK(of("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like "
           "Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36")
            .browser == "Samsung Internet");
  CHECK(of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
           "like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1")
            .browser == "Chrome");
}

TEST_CASE("devices: an empty or unknown agent gives empty names") {
  CHECK(of("").browser.empty());
  CHECK(of("").system.empty());
  const auto tool = of("curl/8.5.0");
  CHECK(tool.browser.empty());
  CHECK(tool.system.empty());
}
