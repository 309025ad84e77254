// A query for feedback ids built from the filters a request actually gives, each condition with
// its own bound value (never pasted into the text): SQL then sees only the conditions in use and
// can pick an index that serves them, which an `(:any OR col = :x)` form prevents.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdscb::server::feedback {

class IdQuery {
 public:
  explicit IdQuery(std::string text) : text_(std::move(text)) {}

  // Appends `text`, whose placeholders (one for each value, in order) take `values`: strings or
  // integers.
  template <typename... Values>
  IdQuery& add(std::string_view text, const Values&... values) {
    text_ += text;
    (keep(values), ...);
    return *this;
  }

  // The first column of each row, a feedback id (or a count).
  std::vector<long long> run(soci::session& sql) {
    std::vector<long long> ids;
    long long id = 0;
    soci::statement statement(sql);
    auto text = texts_.begin();
    auto number = numbers_.begin();
    for (const bool is_text : order_) {
      if (is_text) {
        statement.exchange(soci::use(*text++));
      } else {
        statement.exchange(soci::use(*number++));
      }
    }
    statement.exchange(soci::into(id));
    statement.alloc();
    statement.prepare(text_);
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
    return ids;
  }

 private:
  void keep(const std::string& value) {
    texts_.push_back(value);
    order_.push_back(true);
  }
  void keep(long long value) {
    numbers_.push_back(value);
    order_.push_back(false);
  }

  std::string text_;
  // Deques: values are bound by address, and a deque never moves its elements as it grows.
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::vector<bool> order_;  // for each placeholder in order: a text (or a number)
};

}  // namespace cdscb::server::feedback
