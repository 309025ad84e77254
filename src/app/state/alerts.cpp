#include "app/state/alerts.h"

#include <chrono>

#include "app/api/json.h"
#include "app/state/news.h"
#include "core/time_text.h"

namespace cdscb::app::state {

std::vector<Alert> alerts_from_json(std::string_view body) {
  std::vector<Alert> out;
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  auto items = j.is_object() ? j.find("items") : j.end();
  if (items == j.end() || !items->is_array()) return out;
  for (const auto& item : *items) {
    Alert a;
    if (auto id = item.find("id"); id != item.end())
      a.id = id->is_number_integer() ? std::to_string(id->get<long long>()) : api::str(item, "id");
    a.kind = api::str(item, "kind", "other");
    a.title = api::str(item, "title");
    a.text = api::str(item, "text");
    if (auto art = item.find("article_id"); art != item.end())
      a.article_id = art->is_number_integer() ? std::to_string(art->get<long long>())
                                              : api::str(item, "article_id");
    auto expires = core::parse_rfc3339(api::str(item, "expires_at"));
    if (a.id.empty() || a.title.empty() || !expires) continue;
    a.expires_at = *expires;
    out.push_back(std::move(a));
  }
  return out;
}

long long unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void Alerts::refresh(api::Client& api) {
  if (!call_.waiting()) call_.start(api, "GET", "/api/v1/alerts");
}

bool Alerts::update(api::Client& api) {
  auto answer = call_.poll(api);
  if (!answer || !answer->ok()) return false;  // offline: keep what was shown
  alerts_ = alerts_from_json(answer->body);
  return true;
}

std::vector<const Alert*> Alerts::current(long long now) const {
  std::vector<const Alert*> out;
  for (const auto& a : alerts_)
    if (a.expires_at > now) out.push_back(&a);
  return out;
}

std::optional<long long> Alerts::next_expiry(long long now) const {
  std::optional<long long> next;
  for (const auto& a : alerts_)
    if (a.expires_at > now && (!next || a.expires_at < *next)) next = a.expires_at;
  return next;
}

}  // namespace cdscb::app::state
