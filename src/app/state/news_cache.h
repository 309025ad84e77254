#pragma once
// The news readable offline: after the list loads online, the newest 50 summaries are kept in the
// IndexedDB store, each of their articles is fetched once (and again when its summary changed),
// articles that fell out of the newest 50 are dropped, and their thumbnails are fetched so the
// service worker keeps them. Offline, the list and those articles are read back from the store.
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "app/api/client.h"
#include "app/state/news.h"
#include "app/state/replies.h"

namespace cdscb::app::state {

class NewsCache {
 public:
  static constexpr size_t kKeep = 50;
  static constexpr size_t kParallel = 3;

  // Starts bringing the store up to date (no-op while a sync runs).
  void sync(api::Client& api, Replies& replies);
  // Advances the sync with the answers that arrived.
  void update(api::Client& api, Replies& replies);
  bool syncing() const { return step_ != Step::kIdle; }
  // Articles written to the store by this sync so far (tests, diagnostics).
  size_t stored() const { return stored_; }

  // Offline reading: the request id of the store read; its reply turns into the list / article.
  static std::string read_list(Replies& replies);
  static std::string read_article(Replies& replies, const std::string& id);
  static std::optional<NewsPage> list_from_reply(const std::string& reply);
  static std::optional<Article> article_from_reply(const std::string& reply);

 private:
  enum class Step { kIdle, kList, kKeys, kArticles };
  void list_complete(Replies& replies);
  void keys_complete(const std::string& reply);

  Step step_ = Step::kIdle;
  api::Call page_;
  nlohmann::json items_ = nlohmann::json::array();  // the summaries as the server sent them
  std::string old_list_;                            // request id, then the stored list's text
  bool old_list_read_ = false;
  bool list_fetched_ = false;
  std::string keys_;  // request id of the store listing
  std::set<std::string> changed_;
  std::deque<std::string> to_fetch_;
  std::map<std::string, api::Call> fetching_;  // article id → its request
  size_t stored_ = 0;
};

}  // namespace cdscb::app::state
