#pragma once
// Everything the news screens and the home banner share, advanced as answers arrive.
#include <vector>

#include "app/state/alerts.h"
#include "app/state/news.h"
#include "app/state/news_cache.h"
#include "app/state/news_list.h"
#include "app/state/replies.h"

namespace cdscb::app::state {

struct News {
  NewsList list;
  NewsCache cache;
  Alerts alerts;
  std::vector<Category> categories;
  api::Call categories_call;

  void update(api::Client& api, Replies& replies) {
    list.update(api, cache, replies);
    cache.update(api, replies);
    alerts.update(api);
    if (auto answer = categories_call.poll(api); answer && answer->ok())
      categories = categories_from_json(answer->body);
  }
};

}  // namespace cdscb::app::state
