#include "core/csv.h"

#include "core/text.h"

namespace cdscb::core {
namespace {

constexpr std::string_view kUnclosedQuote = "validation.csv.quote_unclosed";
constexpr std::string_view kTextAfterQuote = "validation.csv.text_after_quote";
constexpr std::string_view kQuoteInField = "validation.csv.quote_in_field";
constexpr std::string_view kNotUtf8 = "validation.csv.not_utf8";

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  CsvTable run() {
    if (text_.starts_with(kUtf8Bom)) pos_ = kUtf8Bom.size();
    while (pos_ < text_.size()) parse_row();
    return std::move(table_);
  }

 private:
  void fail(std::size_t line, std::string_view message) {
    if (!table_.errors.empty() && table_.errors.back().line == line) return;  // one per line
    table_.errors.push_back({line, std::string(message)});
  }

  // Consumes a line ending at pos_ (CRLF, LF or a lone CR); returns whether there was one.
  bool end_of_line() {
    if (pos_ >= text_.size()) return false;
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    return false;
  }

  void skip_to_next_line() {
    while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
    end_of_line();
  }

  void parse_row() {
    CsvRow row{.line = line_, .fields = {}};
    bool bad = false;
    for (;;) {
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (!quoted_field(field, row.line)) return;  // unclosed: the rest of the file is gone
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          if (text_[pos_] == '"') {
            fail(line_, kQuoteInField);
            bad = true;
          }
          field += text_[pos_++];
        }
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        fail(line_, kTextAfterQuote);
        skip_to_next_line();
        return;
      }
      if (!is_valid_utf8(field)) {
        fail(row.line, kNotUtf8);
        bad = true;
      }
      row.fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      end_of_line();
      break;
    }
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!bad && !blank) table_.rows.push_back(std::move(row));
  }

  // Reads "…" (with "" for a quote) starting at pos_; false when the quote never closes.
  bool quoted_field(std::string& field, std::size_t row_line) {
    ++pos_;
    for (;;) {
      if (pos_ >= text_.size()) {
        fail(row_line, kUnclosedQuote);
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        return true;
      }
      if (c == '\r' || c == '\n') {
        // A line break inside a field is kept as LF, whichever ending the file uses.
        end_of_line();
        field += '\n';
        continue;
      }
      field += c;
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  CsvTable table_;
};

}  // namespace

CsvTable parse_csv(std::string_view text) { return Parser(text).run(); }

std::string csv_field(std::string_view value) {
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!value.empty() && value.front() == ' ');
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace cdscb::core
