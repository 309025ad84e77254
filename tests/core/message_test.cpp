// Core's messages are keys (core/message.h): the directory's validation and the CSV import name
// a key of public/i18n/vi.json, with the values they quote as arguments, and every one of them
// reads as a whole sentence in Vietnamese and in English.
#include "core/message.h"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/csv.h"
#include "core/directory.h"

using namespace cdscb;

namespace {

nlohmann::json translations(const char* language) {
  std::ifstream in(std::string(CDSCB_SOURCE_DIR) + "/public/i18n/" + language + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

core::MessageLookup lookup_in(const nlohmann::json& table) {
  return [&table](std::string_view key) -> const char* {
    const auto it = table.find(std::string(key));
    return it == table.end() ? nullptr : it->template get_ref<const std::string&>().c_str();
  };
}

// Every message core gives for a bad record and a bad file.
std::vector<std::string> core_messages() {
  std::vector<std::string> out;
  core::DirectoryRecord r{.code = "UBND Thục Phán",
                          .kind = "district",
                          .name = " ",
                          .address = std::string(301, 'a'),
                          .phones = {"12345"},
                          .email = "ubnd@thucphan",
                          .website = "ftp://caobang.gov.vn",
                          .hours = std::string(201, 'a'),
                          .location = core::GeoPoint{95, 106},
                          .note = "\x01"};
  for (const auto& [field, message] : core::validate_record(r)) out.push_back(message);
  r = {.code = "x1", .kind = "emergency", .name = std::string(201, 'a')};
  for (const auto& [field, message] : core::validate_record(r)) out.push_back(message);
  r.phones.assign(6, "113");
  for (const auto& [field, message] : core::validate_record(r)) out.push_back(message);
  const std::string header = "code,kind,name,address,phones,email,website,hours,lat,lng,note\r\n";
  for (const std::string& file :
       {std::string(), std::string("code,kind\r\n"),
        header + "a1,ward,A,,0206 12,,,,22.5,,\r\na1,ward,B,,,x@y,,,,,\r\ntoo,few\r\n",
        header + "\"open,1\r\n", header + "\"x\"y,2\r\n", header + "ab\"c,2\r\n",
        header + "S\xD2,2\r\n"})
    for (const auto& e : core::parse_directory_csv(file).errors) out.push_back(e.message);
  return out;
}

}  // namespace

TEST_CASE("a message carries its key and arguments, and fills the text's places") {
  const std::string m = core::message("validation.csv.cell_count", {"3", "11"});
  const auto parts = core::message_parts(m);
  CHECK(parts.key == "validation.csv.cell_count");
  CHECK(parts.args == std::vector<std::string>{"3", "11"});
  CHECK(core::message("validation.invalid_text", {}) == "validation.invalid_text");
  const auto lookup = [](std::string_view key) -> const char* {
    if (key == "a") return "Cột {1}: {2} ({3})";
    if (key == "b") return "sai";
    return nullptr;
  };
  CHECK(core::fill_message(core::message("a", {"phones", "b"}), lookup) == "Cột phones: sai ({3})");
  CHECK(core::fill_message("unknown.key", lookup) == "unknown.key");
  // A value cannot smuggle in arguments of its own.
  CHECK(core::message_parts(core::message("a", {"x\x1fy"})).args == std::vector<std::string>{"xy"});
}

TEST_CASE("the directory's and the CSV import's messages are keys, whole in both languages") {
  const auto messages = core_messages();
  REQUIRE(messages.size() >= 20);
  for (const char* language : {"vi", "en"}) {
    const nlohmann::json table = translations(language);
    const auto lookup = lookup_in(table);
    for (const std::string& m : messages) {
      const auto parts = core::message_parts(m);
      CHECK_MESSAGE(parts.key.starts_with("validation."), m);
      CHECK_MESSAGE(table.contains(parts.key), language, ": ", parts.key);
      const std::string text = core::fill_message(m, lookup);
      CHECK_MESSAGE(text.find("validation.") == std::string::npos, language, ": ", text);
      CHECK_MESSAGE(text.find('{') == std::string::npos, language, ": ", text);
    }
  }
  const auto vi = translations("vi");
  CHECK(core::fill_message(
            core::message("validation.csv.column", {"email", "validation.directory.email_invalid"}),
            lookup_in(vi)) == "Cột email: Địa chỉ email không hợp lệ.");
  CHECK(core::fill_message(core::message("validation.directory.phone_invalid", {"12345"}),
                           lookup_in(vi))
            .find("\"12345\"") != std::string::npos);
}
