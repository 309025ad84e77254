#include "app/ui/mirror.h"

#include <doctest/doctest.h>

using namespace cdscb;
using namespace cdscb::app;

using ui::Mirror;
using ui::MirrorNode;
using ui::Role;

TEST_CASE("the mirror publishes a frame's widgets once, and again only when they change") {
  Mirror mirror;
  mirror.begin_frame();
  mirror.add({.id = "home.tile.news",
              .role = Role::kButton,
              .name = "Tin tức",
              .rect = {10, 20, 100.4f, 80}});
  auto first = mirror.end_frame();
  REQUIRE(first);
  CHECK(
      *first ==
      R"([{"id":"home.tile.news","role":"button","name":"Tin tức","rect":[10.0,20.0,100.0,80.0],"clip":[0.0,0.0,0.0,0.0]}])");

  mirror.begin_frame();
  mirror.add({.id = "home.tile.news",
              .role = Role::kButton,
              .name = "Tin tức",
              .rect = {10, 20, 100.4f, 80}});
  CHECK_FALSE(mirror.end_frame());

  mirror.begin_frame();
  mirror.add(
      {.id = "home.tile.news", .role = Role::kButton, .name = "News", .rect = {10, 20, 100, 80}});
  auto changed = mirror.end_frame();
  REQUIRE(changed);
  CHECK(changed->find("\"name\":\"News\"") != std::string::npos);
}

TEST_CASE("names with quotes and control characters stay valid JSON") {
  auto json = ui::to_json(
      {MirrorNode{.id = "x", .role = Role::kTextbox, .name = "Tiêu đề \"a\"\n", .value = "a\\b"}});
  CHECK(json.find(R"("name":"Tiêu đề \"a\"\n")") != std::string::npos);
  CHECK(json.find(R"("value":"a\\b")") != std::string::npos);
}

TEST_CASE("an activation is consumed once by the widget drawn in the next frame") {
  Mirror mirror;
  mirror.activate("home.tile.feedback");
  mirror.begin_frame();
  CHECK(mirror.consume_activation("home.tile.feedback"));
  CHECK_FALSE(mirror.consume_activation("home.tile.feedback"));
  mirror.end_frame();
}

TEST_CASE("activations for widgets not drawn are dropped at the end of the frame") {
  Mirror mirror;
  mirror.activate("gone");
  mirror.begin_frame();
  mirror.end_frame();
  mirror.begin_frame();
  CHECK_FALSE(mirror.consume_activation("gone"));
}

TEST_CASE("typed text and focus reach the field") {
  Mirror mirror;
  mirror.set_value("feedback.title", "Đường ở Hòa An bị sạt lở");
  mirror.set_focus("feedback.title", true);
  CHECK(mirror.is_focused("feedback.title"));
  CHECK(mirror.take_value("feedback.title") == "Đường ở Hòa An bị sạt lở");
  CHECK_FALSE(mirror.take_value("feedback.title"));
  mirror.set_focus("feedback.title", false);
  CHECK_FALSE(mirror.is_focused("feedback.title"));
}

TEST_CASE("a field's kind and error travel with it") {
  auto json = ui::to_json({MirrorNode{.id = "login.phone",
                                      .role = Role::kTextbox,
                                      .name = "Số điện thoại",
                                      .input = "tel",
                                      .error = "Số điện thoại không hợp lệ."}});
  CHECK(json.find(R"("input":"tel")") != std::string::npos);
  CHECK(json.find(R"("error":"Số điện thoại không hợp lệ.")") != std::string::npos);
}

TEST_CASE("a combobox publishes its choices and the chosen index") {
  auto json = ui::to_json({MirrorNode{.id = "profile.commune",
                                      .role = Role::kCombobox,
                                      .name = "Xã, phường",
                                      .value = "1",
                                      .options = {"Phường Thục Phán", "Xã Hòa An"}}});
  CHECK(json.find(R"("role":"combobox")") != std::string::npos);
  CHECK(json.find(R"("value":"1")") != std::string::npos);
  CHECK(json.find(R"("options":["Phường Thục Phán","Xã Hòa An"])") != std::string::npos);
}
