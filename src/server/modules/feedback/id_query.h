// A query for feedback ids built from the filters a request actually gives, each condition with
// its own bound value (never pasted into the text): SQL then sees only the conditions in use and
// can pick an index that serves them, which an `(:any OR col = :x)` form prevents.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cdscb::server::feedback {

class IdQuery {
 public:
  explicit IdQuery(std::string text) : text_(std::move(text)) {}

  // Appends `text`, whose placeholders (one for each value, in order) take `values`.
  template <typename... Values>
  IdQuery& add(std::string_view text, Values... values) {
    text_ += text;
    (values_.emplace_back(Value(std::move(values))), ...);
    return *this;
  }

  // The first column of each row, a feedback id (or a count).
  std::vector<long long> run(soci::session& sql) {
    std::vector<long long> ids;
    long long id = 0;
    soci::statement statement(sql);
    for (auto& value : values_) {
      std::visit([&statement](auto& bound) { statement.exchange(soci::use(bound)); }, value);
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
  using Value = std::variant<std::string, long long>;
  std::string text_;
  std::deque<Value> values_;  // a deque: bound by address, so elements never move
};

}  // namespace cdscb::server::feedback
