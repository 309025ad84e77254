#include "app/state/i18n.h"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("the embedded Vietnamese strings carry the guide's labels") {
  state::I18n i18n;
  REQUIRE(i18n.load("vi", state::embedded_translation("vi")));
  CHECK(std::string(i18n.t("tile.feedback")) == "Phản ánh kiến nghị");
  CHECK(std::string(i18n.t("tile.payments")) == "Thanh toán không tiền mặt");
  CHECK(std::string(i18n.t("home.login")) == "Đăng nhập");
}

TEST_CASE("English falls back to Vietnamese for a missing key, then to the key") {
  state::I18n i18n;
  REQUIRE(i18n.load("vi", R"({"a":"Một","b":"Hai"})"));
  REQUIRE(i18n.load("en", R"({"a":"One"})"));
  i18n.set_language("en");
  CHECK(std::string(i18n.t("a")) == "One");
  CHECK(std::string(i18n.t("b")) == "Hai");
  CHECK(std::string(i18n.t("missing.key")) == "missing.key");
}

TEST_CASE("every Vietnamese key has an English translation") {
  state::I18n vi, en;
  REQUIRE(vi.load("vi", state::embedded_translation("vi")));
  REQUIRE(en.load("en", state::embedded_translation("en")));
  en.set_language("en");
  // A key missing in English would come back in Vietnamese; spot-check all tile labels.
  for (const char* key : {"tile.news", "tile.directory", "tile.feedback", "tile.services",
                          "tile.payments", "tile.cameras", "app.title"}) {
    CHECK(std::string(en.t(key)) != std::string(vi.t(key)));
  }
}

TEST_CASE("bad JSON is refused") {
  state::I18n i18n;
  CHECK_FALSE(i18n.load("vi", "{not json"));
}
