#include "app/state/news_cache.h"

#include "app/api/json.h"
#include "app/platform/idb_store.h"
#include "app/platform/image.h"

namespace cdscb::app::state {
namespace {

using nlohmann::json;

constexpr const char* kListKey = "news/list";
constexpr const char* kArticlePrefix = "news/article/";

std::string id_text(const json& item) {
  auto it = item.find("id");
  if (it == item.end()) return {};
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> stored_value(const std::string& reply) {
  auto j = json::parse(reply, nullptr, /*allow_exceptions=*/false);
  auto v = j.is_object() ? j.find("value") : j.end();
  if (v == j.end() || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

}  // namespace

void NewsCache::sync(api::Client& api, Replies& replies) {
  if (step_ != Step::kIdle) return;
  step_ = Step::kList;
  items_ = json::array();
  list_fetched_ = old_list_read_ = false;
  changed_.clear();
  to_fetch_.clear();
  stored_ = 0;
  page_.start(api, "GET", news_path("", "", "", static_cast<int>(kKeep)));
  old_list_ = replies.expect(platform::idb::get(kListKey));
}

void NewsCache::update(api::Client& api, Replies& replies) {
  if (step_ == Step::kList) {
    if (auto answer = page_.poll(api)) {
      if (!answer->ok()) {
        step_ = Step::kIdle;  // offline or refused: the last good copy stays as it is
        return;
      }
      auto body = json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
      if (auto items = body.is_object() ? body.find("items") : body.end();
          items != body.end() && items->is_array())
        for (const json& item : *items)
          if (items_.size() < kKeep && !id_text(item).empty()) items_.push_back(item);
      const std::string next = api::str(body, "next_cursor");
      if (!next.empty() && items_.size() < kKeep)
        page_.start(api, "GET", news_path("", "", next, static_cast<int>(kKeep - items_.size())));
      else
        list_fetched_ = true;
    }
    if (!old_list_read_) {
      if (auto reply = replies.take(old_list_)) {
        old_list_ = stored_value(*reply).value_or("");
        old_list_read_ = true;
      }
    }
    if (list_fetched_ && old_list_read_) list_complete(replies);
  }
  if (step_ == Step::kKeys) {
    if (auto reply = replies.take(keys_)) keys_complete(*reply);
  }
  if (step_ != Step::kArticles) return;
  for (auto it = fetching_.begin(); it != fetching_.end();) {
    auto answer = it->second.poll(api);
    if (!answer) {
      ++it;
      continue;
    }
    // The store's answers need no waiting for: a failed write only means no offline copy.
    if (answer->ok() && article_from_json(answer->body)) {
      platform::idb::put(kArticlePrefix + it->first, answer->body);
      ++stored_;
    }
    it = fetching_.erase(it);
  }
  while (fetching_.size() < kParallel && !to_fetch_.empty()) {
    const std::string id = to_fetch_.front();
    to_fetch_.pop_front();
    fetching_[id].start(api, "GET", "/api/v1/news/" + id);
  }
  if (fetching_.empty() && to_fetch_.empty()) step_ = Step::kIdle;
}

void NewsCache::list_complete(Replies& replies) {
  // Which summaries differ from the stored copy: their articles are fetched again.
  std::map<std::string, json> old_items;
  auto old = json::parse(old_list_, nullptr, /*allow_exceptions=*/false);
  if (auto items = old.is_object() ? old.find("items") : old.end();
      items != old.end() && items->is_array())
    for (const json& item : *items) old_items[id_text(item)] = item;
  for (const json& item : items_) {
    const std::string id = id_text(item);
    auto before = old_items.find(id);
    if (before == old_items.end() || before->second != item) changed_.insert(id);
    if (auto cover = item.find("cover"); cover != item.end() && cover->is_object()) {
      const std::string thumb = api::str(*cover, "thumb_url");
      if (!thumb.empty()) platform::image::prefetch(thumb);
    }
  }
  platform::idb::put(kListKey, json{{"items", items_}, {"next_cursor", nullptr}}.dump());
  keys_ = replies.expect(platform::idb::list(kArticlePrefix));
  step_ = Step::kKeys;
}

void NewsCache::keys_complete(const std::string& reply) {
  std::set<std::string> keep, have;
  for (const json& item : items_) keep.insert(id_text(item));
  auto j = json::parse(reply, nullptr, /*allow_exceptions=*/false);
  if (auto keys = j.is_object() ? j.find("keys") : j.end(); keys != j.end() && keys->is_array()) {
    for (const json& key : *keys) {
      if (!key.is_string()) continue;
      const std::string id = key.get<std::string>().substr(std::string(kArticlePrefix).size());
      if (keep.count(id))
        have.insert(id);
      else
        platform::idb::remove(key.get<std::string>());  // fell out of the newest 50
    }
  }
  for (const json& item : items_) {
    const std::string id = id_text(item);
    if (!have.count(id) || changed_.count(id)) to_fetch_.push_back(id);
  }
  step_ = Step::kArticles;
}

std::string NewsCache::read_list(Replies& replies) {
  return replies.expect(platform::idb::get(kListKey));
}

std::string NewsCache::read_article(Replies& replies, const std::string& id) {
  return replies.expect(platform::idb::get(kArticlePrefix + id));
}

std::optional<NewsPage> NewsCache::list_from_reply(const std::string& reply) {
  auto value = stored_value(reply);
  if (!value) return std::nullopt;
  return news_page_from_json(*value);
}

std::optional<Article> NewsCache::article_from_reply(const std::string& reply) {
  auto value = stored_value(reply);
  if (!value) return std::nullopt;
  return article_from_json(*value);
}

}  // namespace cdscb::app::state
