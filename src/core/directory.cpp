#include "core/directory.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/message.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

constexpr std::size_t kMaxPhones = 5;

bool is_kind(std::string_view kind) {
  return std::find(std::begin(kDirectoryKinds), std::end(kDirectoryKinds), kind) !=
         std::end(kDirectoryKinds);
}

bool has_control(std::string_view text, bool allow_newline) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') return !allow_newline;
    return u < 0x20 || u == 0x7F;
  });
}

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

bool valid_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 64 || code.front() == '-' || code.back() == '-')
    return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool valid_email(std::string_view email) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    return c == ' ' || static_cast<unsigned char>(c) < 0x21 || c == ',' || c == ';';
  });
}

bool valid_website(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (url.size() > 300 || host.empty() || host.find('.') == std::string_view::npos) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>';
  });
}

void check_text(FieldMessages& out, const char* field, std::string_view value, std::size_t max,
                bool allow_newline, std::string_view too_long) {
  if (!is_valid_utf8(value) || has_control(value, allow_newline)) {
    out.emplace_back(field, "validation.invalid_text");
  } else if (count_code_points(value) > max) {
    out.emplace_back(field, std::string(too_long));
  }
}

// Folded words separated by single spaces (punctuation and dashes count as spaces).
std::string search_words(std::string_view text) {
  std::string out;
  for (char c : fold_for_search(text)) {
    if (std::string_view(" \t\r\n,;.-()/\"").find(c) == std::string_view::npos) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string format_coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

std::optional<double> parse_coordinate(std::string_view input) {
  std::string text = trim(input);
  if (text.find('.') == std::string::npos) std::replace(text.begin(), text.end(), ',', '.');
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::string> normalize_directory_phone(std::string_view input, bool emergency) {
  std::string digits;
  bool plus = false;
  for (char c : input) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  if (plus || (digits.starts_with("84") && digits.size() >= 11)) {
    if (!digits.starts_with("84")) return std::nullopt;
    digits = digits.substr(2);
    if (!digits.starts_with("0")) digits.insert(digits.begin(), '0');
  }
  if (emergency && !plus && digits.size() == 3 && digits >= "111" && digits <= "115") return digits;
  const bool mobile = digits.size() == 10 && digits[0] == '0' &&
                      std::string_view("35789").find(digits[1]) != std::string_view::npos;
  const bool landline = digits.size() == 11 && digits.starts_with("02");
  if (!mobile && !landline) return std::nullopt;
  return digits;
}

FieldMessages validate_record(const DirectoryRecord& r) {
  FieldMessages out;
  if (r.code.empty()) {
    out.emplace_back("code", "validation.directory.code_required");
  } else if (!valid_code(r.code)) {
    out.emplace_back("code", "validation.directory.code_invalid");
  }
  if (!is_kind(r.kind)) {
    out.emplace_back("kind", "validation.directory.kind_invalid");
  }
  if (r.name.find_first_not_of(' ') == std::string::npos) {
    out.emplace_back("name", "validation.directory.name_required");
  } else {
    check_text(out, "name", r.name, 200, false, "validation.directory.name_too_long");
  }
  check_text(out, "address", r.address, 300, true, "validation.directory.address_too_long");
  check_text(out, "hours", r.hours, 200, true, "validation.directory.hours_too_long");
  check_text(out, "note", r.note, 1000, true, "validation.directory.note_too_long");
  const bool emergency = r.kind == "emergency";
  if (r.phones.size() > kMaxPhones) {
    out.emplace_back("phones", "validation.directory.too_many_phones");
  } else if (emergency && r.phones.empty()) {
    out.emplace_back("phones", "validation.directory.emergency_phone_required");
  }
  for (const std::string& phone : r.phones) {
    if (normalize_directory_phone(phone, emergency) != phone) {
      out.emplace_back("phones", message("validation.directory.phone_invalid", {phone}));
      break;
    }
  }
  if (!r.email.empty() && !valid_email(r.email))
    out.emplace_back("email", "validation.directory.email_invalid");
  if (!r.website.empty() && !valid_website(r.website))
    out.emplace_back("website", "validation.directory.website_invalid");
  if (r.location && (!std::isfinite(r.location->lat) || !std::isfinite(r.location->lng) ||
                     std::abs(r.location->lat) > 90 || std::abs(r.location->lng) > 180)) {
    out.emplace_back("location", "validation.directory.location_invalid");
  }
  return out;
}

std::string format_phone(std::string_view d) {
  const std::string s(d);
  if (s.size() == 10) return s.substr(0, 4) + " " + s.substr(4, 3) + " " + s.substr(7);
  if (s.size() == 11) return s.substr(0, 4) + " " + s.substr(4, 4) + " " + s.substr(8);
  return s;
}

DirectoryImport parse_directory_csv(std::string_view text) {
  DirectoryImport result;
  CsvTable table = parse_csv(text);
  result.errors = std::move(table.errors);
  if (table.rows.empty()) {
    if (result.errors.empty()) result.errors.push_back({1, "validation.csv.empty"});
    return result;
  }
  const CsvRow& header = table.rows.front();
  std::vector<int> column(std::size(kDirectoryColumns), -1);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = trim(header.fields[i]);
    for (std::size_t c = 0; c < std::size(kDirectoryColumns); ++c)
      if (name == kDirectoryColumns[c] && column[c] < 0) column[c] = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < column.size(); ++c) {
    if (column[c] < 0) {
      result.errors.push_back(
          {header.line, message("validation.csv.column_missing", {kDirectoryColumns[c]})});
    }
  }
  if (column[0] < 0) return result;

  std::set<std::string> codes;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    if (row.fields.size() != header.fields.size()) {
      result.errors.push_back(
          {row.line, message("validation.csv.cell_count", {std::to_string(row.fields.size()),
                                                           std::to_string(header.fields.size())})});
      continue;
    }
    const auto get = [&](std::size_t c) {
      return column[c] < 0 ? std::string() : trim(row.fields[static_cast<std::size_t>(column[c])]);
    };
    DirectoryRecord record{.code = get(0),
                           .kind = get(1),
                           .name = get(2),
                           .address = get(3),
                           .phones = {},
                           .email = get(5),
                           .website = get(6),
                           .hours = get(7),
                           .location = std::nullopt,
                           .note = get(10)};
    std::vector<std::string> messages;
    const std::string phones = get(4);
    for (std::size_t start = 0; start <= phones.size();) {
      const std::size_t end = std::min(phones.find(';', start), phones.size());
      const std::string phone = trim(std::string_view(phones).substr(start, end - start));
      if (!phone.empty()) {
        if (auto digits = normalize_directory_phone(phone, record.kind == "emergency")) {
          record.phones.push_back(*digits);
        } else {
          messages.push_back(message("validation.csv.phone_invalid", {phone}));
        }
      }
      start = end + 1;
    }
    const std::string lat = get(8), lng = get(9);
    if (!lat.empty() || !lng.empty()) {
      const auto la = parse_coordinate(lat), ln = parse_coordinate(lng);
      if (la && ln) {
        record.location = GeoPoint{*la, *ln};
      } else {
        messages.push_back("validation.csv.location_invalid");
      }
    }
    for (const auto& [field, reason] : validate_record(record)) {
      if (field == "phones" && !messages.empty()) continue;  // already said, more precisely
      messages.push_back(message("validation.csv.column",
                                 {field == "location" ? std::string("lat/lng") : field, reason}));
    }
    if (!record.code.empty() && !codes.insert(record.code).second)
      messages.push_back(message("validation.csv.duplicate_code", {record.code}));
    for (std::string& m : messages) result.errors.push_back({row.line, std::move(m)});
    if (messages.empty()) result.records.push_back(std::move(record));
  }
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const CsvLineError& a, const CsvLineError& b) { return a.line < b.line; });
  return result;
}

std::string directory_csv(const std::vector<DirectoryRecord>& records) {
  std::string out(kUtf8Bom);
  out +=
      csv_row(std::vector<std::string>(std::begin(kDirectoryColumns), std::end(kDirectoryColumns)));
  for (const DirectoryRecord& r : records) {
    std::string phones;
    for (const std::string& phone : r.phones) {
      if (!phones.empty()) phones += "; ";
      phones += phone;
    }
    out += csv_row({r.code, r.kind, r.name, r.address, phones, r.email, r.website, r.hours,
                    r.location ? format_coordinate(r.location->lat) : "",
                    r.location ? format_coordinate(r.location->lng) : "", r.note});
  }
  return out;
}

bool matches_search(const DirectoryRecord& record, std::string_view query) {
  std::string phrase = search_words(query);
  if (phrase.empty()) return true;
  // The query's words in their order, the first one from the start of a word.
  phrase.insert(phrase.begin(), ' ');
  std::string haystack(1, ' ');
  haystack += search_words(record.name + " " + record.address + " " + record.code);
  return haystack.find(phrase) != std::string::npos;
}

double distance_m(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadius = 6371008.8;
  constexpr double kRad = 3.14159265358979323846 / 180;
  const double dlat = (b.lat - a.lat) * kRad, dlng = (b.lng - a.lng) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace cdscb::core
