#include "app/state/navigation.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cdscb;
using namespace cdscb::app;

using core::Route;
using core::Screen;

TEST_CASE("going to a screen pushes its hash into the browser history") {
  std::vector<std::string> pushed;
  int backs = 0;
  state::Navigation nav({[&](const std::string& h) { pushed.push_back(h); }, [&] { ++backs; }});
  nav.go({Screen::kFeedback, ""});
  CHECK(nav.current() == Route{Screen::kFeedback, ""});
  CHECK(pushed == std::vector<std::string>{"#/phan-anh"});
  nav.back();
  CHECK(backs == 1);
  nav.route_changed("#/");  // the browser answers the back with popstate
  CHECK(nav.current() == Route{});
  CHECK_FALSE(nav.can_go_back());
}

TEST_CASE("a deep link opens its screen and unknown links open home") {
  state::Navigation nav({});
  nav.route_changed("#/tin-tuc/42");
  CHECK(nav.current() == Route{Screen::kNewsArticle, "42"});
  nav.route_changed("#/khong-ton-tai");
  CHECK(nav.current() == Route{});
}

TEST_CASE("without browser history the app keeps its own back stack") {
  state::Navigation nav({});
  nav.go({Screen::kSettings, ""});
  nav.go({Screen::kNews, ""});
  nav.back();
  CHECK(nav.current() == Route{Screen::kSettings, ""});
  nav.back();
  CHECK(nav.current() == Route{});
}

TEST_CASE("back from a deep-linked screen goes home inside the app, not out of it") {
  std::vector<std::string> replaced;
  int backs = 0;
  state::Navigation nav(
      {nullptr, [&] { ++backs; }, [&](const std::string& h) { replaced.push_back(h); }});
  nav.route_changed("#/camera");
  nav.back();
  CHECK(backs == 0);
  CHECK(nav.current() == Route{});
  CHECK(replaced == std::vector<std::string>{"#/"});
}
