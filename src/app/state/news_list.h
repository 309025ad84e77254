#pragma once
// The "Tin tức" list: pages of summaries for the current search and category, the next page on
// demand (infinite scroll), and the offline copy when the server cannot be reached.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/state/news.h"
#include "app/state/news_cache.h"
#include "app/state/replies.h"

namespace cdscb::app::state {

class NewsList {
 public:
  static constexpr int kPageSize = 20;

  // Loads the first page again for this search text and category code (empty: all).
  void refresh(api::Client& api, std::string q, std::string category);
  void refresh(api::Client& api) { refresh(api, q_, category_); }
  void load_more(api::Client& api);
  // Takes the answers that arrived; keeps the offline copy up to date after an unfiltered load.
  void update(api::Client& api, NewsCache& cache, Replies& replies);

  const std::vector<ArticleSummary>& items() const { return items_; }
  const std::string& query() const { return q_; }
  const std::string& category() const { return category_; }
  bool loaded() const { return loaded_; }
  bool loading() const { return first_.waiting() || !cache_read_.empty(); }
  bool loading_more() const { return more_.waiting(); }
  bool has_more() const { return !next_cursor_.empty(); }
  // Shown from the offline copy (the server could not be reached).
  bool offline_copy() const { return offline_copy_; }
  const api::ApiError& error() const { return error_; }

 private:
  void show_offline_copy(const NewsPage& page);

  std::string q_, category_;
  std::vector<ArticleSummary> items_;
  std::string next_cursor_;
  api::Call first_, more_;
  std::vector<api::Call> superseded_;  // answers no one shows any more
  std::string cache_read_;             // request id while reading the offline copy
  api::ApiError error_;
  bool loaded_ = false;
  bool offline_copy_ = false;
};

}  // namespace cdscb::app::state
