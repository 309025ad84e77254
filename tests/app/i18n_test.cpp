#include "app/state/i18n.h"

#include <doctest/doctest.h>

#include <string>

#include "core/accounts.h"
#include "core/agencies.h"
#include "core/feedback.h"
#include "core/profile.h"

using namespace cdscb;
using namespace cdscb::app;

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

// Core's checks give message keys; the app shows them in the chosen language, and the Vietnamese
// text is the same vi.json text the server answers (util/vietnamese.h reads that file too).
TEST_CASE(
    "a validation error shows in English with the English setting, in Vietnamese by default") {
  state::I18n i18n;
  REQUIRE(i18n.load("vi", state::embedded_translation("vi")));
  REQUIRE(i18n.load("en", state::embedded_translation("en")));
  const auto keys = core::validate_feedback(core::FeedbackDraft{});
  REQUIRE(keys.at("title") == core::kTitleRequired);
  CHECK(i18n.t(keys).at("title") == "Vui lòng nhập tiêu đề.");
  i18n.set_language("en");
  const auto shown = i18n.t(keys);
  CHECK(shown.at("title") == "Please enter a title.");
  CHECK(shown.at("location") == "Please mark where it is on the map.");
  CHECK(std::string(i18n.t(*core::validate_phone(""))) == "Please enter your phone number.");
  CHECK(std::string(i18n.t(*core::validate_email("khong-hop-le"))) ==
        "Invalid email address; a correct one looks like name@example.com.");
}

TEST_CASE("every validation key of core has a Vietnamese text and its English translation") {
  state::I18n vi, en;
  REQUIRE(vi.load("vi", state::embedded_translation("vi")));
  REQUIRE(en.load("en", state::embedded_translation("en")));
  en.set_language("en");
  for (std::string_view key : {core::kTitleRequired,
                               core::kTitleTooLong,
                               core::kContentRequired,
                               core::kContentTooLong,
                               core::kFieldRequired,
                               core::kLocationRequired,
                               core::kOutsideProvince,
                               core::kAddressTooLong,
                               core::kCommuneUnknown,
                               core::kTooManyPhotos,
                               core::kFeedbackInvalidText,
                               core::kPhoneRequired,
                               core::kPhoneInvalid,
                               core::kNameRequired,
                               core::kNameTooShort,
                               core::kNameTooLong,
                               core::kNameCombiningMarks,
                               core::kNameInvalidCharacters,
                               core::kNameMustStartAndEndWithLetter,
                               core::kInvalidText,
                               core::kPasswordRequired,
                               core::kPasswordTooShort,
                               core::kPasswordTooLong,
                               core::kPasswordCommon,
                               core::kPasswordContainsPhone,
                               core::kPasswordInvalidCharacters,
                               core::kBirthDateFormat,
                               core::kBirthDateInFuture,
                               core::kBirthDateTooOld,
                               core::kGenderInvalid,
                               core::kCommuneInvalid,
                               core::kStreetTooLong,
                               core::kEmailInvalid,
                               core::kEmailTooLong,
                               core::kAgencyUnknown}) {
    CAPTURE(key);
    CHECK(key.starts_with("validation."));
    CHECK(std::string(vi.t(key)) != std::string(key));        // present in vi.json
    CHECK(std::string(en.t(key)) != std::string(vi.t(key)));  // and translated
  }
}
