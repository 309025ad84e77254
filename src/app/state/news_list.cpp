#include "app/state/news_list.h"

#include <set>
#include <utility>

#include "core/text.h"

namespace cdscb::app::state {

void NewsList::refresh(api::Client& api, std::string q, std::string category) {
  q_ = std::move(q);
  category_ = std::move(category);
  // A newer search replaces one still on its way: only the last answer counts (older ones are
  // still taken, and dropped, so the client does not keep them).
  for (api::Call* call : {&first_, &more_})
    if (call->waiting()) superseded_.push_back(std::exchange(*call, {}));
  cache_read_.clear();
  first_.start(api, "GET", news_path(q_, category_, "", kPageSize));
}

void NewsList::load_more(api::Client& api) {
  if (next_cursor_.empty() || more_.waiting() || first_.waiting() || offline_copy_) return;
  more_.start(api, "GET", news_path(q_, category_, next_cursor_, kPageSize));
}

void NewsList::update(api::Client& api, NewsCache& cache, Replies& replies) {
  std::erase_if(superseded_, [&](api::Call& call) { return call.poll(api).has_value(); });
  if (auto answer = first_.poll(api)) {
    auto page = answer->ok() ? news_page_from_json(answer->body) : std::nullopt;
    if (page) {
      items_ = std::move(page->items);
      next_cursor_ = std::move(page->next_cursor);
      error_ = {};
      loaded_ = true;
      offline_copy_ = false;
      if (q_.empty() && category_.empty()) cache.sync(api, replies);
    } else if (answer->network_error()) {
      error_ = api::error_of(*answer);
      cache_read_ = NewsCache::read_list(replies);
    } else {
      error_ = api::error_of(*answer);
      loaded_ = true;
    }
  }
  if (auto answer = more_.poll(api)) {
    auto page = answer->ok() ? news_page_from_json(answer->body) : std::nullopt;
    if (page) {
      // An article published meanwhile shifts the pages: never show one twice.
      std::set<std::string> shown;
      for (const auto& a : items_) shown.insert(a.id);
      for (auto& a : page->items)
        if (shown.insert(a.id).second) items_.push_back(std::move(a));
      next_cursor_ = std::move(page->next_cursor);
    } else {
      error_ = api::error_of(*answer);
    }
  }
  if (!cache_read_.empty()) {
    if (auto reply = replies.take(cache_read_)) {
      cache_read_.clear();
      loaded_ = true;
      if (auto page = NewsCache::list_from_reply(*reply)) show_offline_copy(*page);
    }
  }
}

void NewsList::show_offline_copy(const NewsPage& page) {
  offline_copy_ = true;
  next_cursor_.clear();
  items_.clear();
  // The search runs on the copy itself, with the same folding the server uses.
  const std::string q = core::fold_for_search(q_);
  for (const auto& a : page.items) {
    if (!category_.empty() && a.category_code != category_) continue;
    if (!q.empty() && core::fold_for_search(a.title + " " + a.summary).find(q) == std::string::npos)
      continue;
    items_.push_back(a);
  }
}

}  // namespace cdscb::app::state
