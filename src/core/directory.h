#pragma once
// The government directory ("Chính quyền"): records of provincial bodies, communes and wards, the
// police and the national emergency numbers, with the rules for their fields and their CSV form
// (data/directory.csv). Shared by the server and the app; no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/csv.h"

namespace cdscb::core {

// "department", "police", "commune", "ward" or "emergency" (the national numbers shown at the
// top of the screen).
inline constexpr std::string_view kDirectoryKinds[] = {"department", "police", "commune", "ward",
                                                       "emergency"};

// The CSV header, in this order.
inline constexpr std::string_view kDirectoryColumns[] = {
    "code", "kind", "name", "address", "phones", "email", "website", "hours", "lat", "lng", "note"};

struct GeoPoint {
  double lat = 0;
  double lng = 0;
  bool operator==(const GeoPoint&) const = default;
};

struct DirectoryRecord {
  std::string code;  // ASCII slug, e.g. "ubnd-phuong-thuc-phan"; also the agency code
  std::string kind;
  std::string name;
  std::string address;
  std::vector<std::string> phones;  // normalised digits; empty: not entered yet
  std::string email;
  std::string website;
  std::string hours;
  std::optional<GeoPoint> location;
  std::string note;

  bool operator==(const DirectoryRecord&) const = default;
};

// Field name ("code", "phones", "location", …) → message key (core/message.h); empty when valid.
using FieldMessages = std::vector<std::pair<std::string, std::string>>;

// Mobile numbers (10 digits, 03/05/07/08/09…) and landlines (11 digits, 02…, e.g. Cao Bằng's
// 0206…), written with spaces, dots, dashes or +84; emergency records also take 111–115.
// Returns the digits, or nullopt.
std::optional<std::string> normalize_directory_phone(std::string_view input, bool emergency);

// Checks every field of a record whose phones are already normalised. Text must be UTF-8.
FieldMessages validate_record(const DirectoryRecord& record);

// A latitude or longitude as typed: "22.666", " 22,666 " (a spreadsheet or keyboard set to
// Vietnamese writes a decimal comma). nullopt for anything that is not one finite number.
std::optional<double> parse_coordinate(std::string_view text);

// "0206 3852 xxx"-style grouping for display: 0206 385 2123, 0912 345 678, 112.
std::string format_phone(std::string_view digits);

// What a CSV import makes of a file: the records in file order, or the problems by line.
struct DirectoryImport {
  std::vector<DirectoryRecord> records;
  std::vector<CsvLineError> errors;
};

// Reads data/directory.csv's format: a header row with kDirectoryColumns (any order, extra
// columns ignored), phones separated by ";", lat/lng both set or both empty. Duplicate codes are
// errors too.
DirectoryImport parse_directory_csv(std::string_view text);

// The records as CSV, with the UTF-8 byte order mark (so Excel opens the Vietnamese right).
std::string directory_csv(const std::vector<DirectoryRecord>& records);

// Whether the query's words appear, in order and from the start of a word, in the record's name,
// address or code, ignoring case, diacritics and punctuation ("thuc phan" finds "UBND phường
// Thục Phán"; "hoa an" finds Hòa An but not "Phục Hòa, … Cao Bằng").
bool matches_search(const DirectoryRecord& record, std::string_view query);

// Great-circle distance in metres.
double distance_m(GeoPoint a, GeoPoint b);

}  // namespace cdscb::core
