#pragma once
// CSV as RFC 4180 writes it (quoted fields may hold commas, quotes as "" and line breaks; lines
// end in CRLF or LF), as offices exchange it with spreadsheets: a UTF-8 byte order mark, which
// Excel writes and needs to read UTF-8, is accepted on input and written on output.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::core {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A problem found at a line of the file (1-based, counted as a text editor counts them).
struct CsvLineError {
  std::size_t line = 0;
  std::string message;  // a message key (core/message.h), fit to show the person who made the file

  bool operator==(const CsvLineError&) const = default;
};

struct CsvRow {
  std::size_t line = 0;  // the line the row starts on
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<CsvRow> rows;  // blank lines are skipped
  std::vector<CsvLineError> errors;
};

// Splits `text` into rows. Malformed input (a quote left open, text after a closing quote, a
// quote inside an unquoted field, bytes that are not UTF-8) is reported per line; the rows that
// parsed are still returned so every problem of a file can be shown at once.
CsvTable parse_csv(std::string_view text);

// One field as CSV: quoted when it holds a comma, quote, CR or LF, or starts with a space.
std::string csv_field(std::string_view value);

// A row of fields joined with commas and ended with CRLF.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace cdscb::core
