#include "core/csv.h"

#include <doctest/doctest.h>

using namespace cdscb;

using core::parse_csv;

namespace {

std::vector<std::vector<std::string>> fields_of(const core::CsvTable& table) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : table.rows) out.push_back(row.fields);
  return out;
}

}  // namespace

TEST_CASE("plain rows split on commas, with LF or CRLF endings") {
  const auto table = parse_csv("a,b,c\r\n1,2,3\n4,,6");
  CHECK(table.errors.empty());
  CHECK(fields_of(table) ==
        std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "", "6"}});
  CHECK(table.rows[2].line == 3);
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks") {
  const auto table = parse_csv(
      "name,address\r\n\"Sở Y tế, Cao Bằng\",\"Số 1 \"\"Hoàng Đình Giong\"\"\r\nTầng "
      "2\"\r\nx,y\r\n");
  REQUIRE(table.errors.empty());
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[1].fields[0] == "Sở Y tế, Cao Bằng");
  CHECK(table.rows[1].fields[1] == "Số 1 \"Hoàng Đình Giong\"\nTầng 2");
  // The row after a field with a line break starts on the line a text editor shows.
  CHECK(table.rows[2].line == 4);
}

TEST_CASE("a byte order mark is skipped and blank lines are ignored") {
  const auto table = parse_csv(
      "\xEF\xBB\xBF"
      "code,name\r\n\r\nx,Y\r\n");
  CHECK(table.errors.empty());
  CHECK(fields_of(table) == std::vector<std::vector<std::string>>{{"code", "name"}, {"x", "Y"}});
}

TEST_CASE("malformed rows are reported by line") {
  SUBCASE("a quote never closed") {
    const auto table = parse_csv("a,b\n1,2\n\"open,3\n4,5\n");
    REQUIRE(table.errors.size() == 1);
    CHECK(table.errors[0].line == 3);
    CHECK(table.errors[0].message == "validation.csv.quote_unclosed");
  }
  SUBCASE("text after a closing quote") {
    const auto table = parse_csv("a,b\n\"x\"y,2\n3,4\n");
    REQUIRE(table.errors.size() == 1);
    CHECK(table.errors[0].line == 2);
    CHECK(fields_of(table).back() == std::vector<std::string>{"3", "4"});
  }
  SUBCASE("a quote inside an unquoted field") {
    const auto table = parse_csv("a,b\nab\"c,2\n");
    REQUIRE(table.errors.size() == 1);
    CHECK(table.errors[0].line == 2);
    CHECK(table.rows.size() == 1);
  }
  SUBCASE("bytes that are not UTF-8 (a file saved as Windows-1258)") {
    const auto table = parse_csv("a,b\nS\xD2 Y t\xEA,2\n");
    REQUIRE(table.errors.size() == 1);
    CHECK(table.errors[0].line == 2);
    CHECK(table.errors[0].message == "validation.csv.not_utf8");
  }
}

TEST_CASE("writing quotes only what needs it, and reads back the same") {
  CHECK(core::csv_field("Sở Nội vụ") == "Sở Nội vụ");
  CHECK(core::csv_field("a,b") == "\"a,b\"");
  CHECK(core::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(core::csv_field("two\nlines") == "\"two\nlines\"");
  const std::vector<std::string> row{"x,y", "\"q\"", "line\nbreak", "", "Thục Phán"};
  const auto table = parse_csv(core::csv_row(row));
  REQUIRE(table.errors.empty());
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].fields == row);
}
