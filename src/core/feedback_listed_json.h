#pragma once
// The listed feedback and the map's markers (core/feedback_listed.h) as the API's JSON and back,
// for the server that writes them and the app that reads them. Templates over the JSON type, as
// core/feedback_json.h.
#include <optional>
#include <vector>

#include "core/feedback_json.h"
#include "core/feedback_listed.h"
#include "core/json_read.h"

namespace cdscb::core {
namespace feedback_listed_json_detail {

template <class Json>
Json status_day_json(const FeedbackStatusDay& s) {
  return Json{{"status", s.status}, {"status_label", s.status_label}, {"date", s.date}};
}

template <class Json>
FeedbackStatusDay status_day_from(const Json& j) {
  return {json_read::text(j, "status"), json_read::text(j, "status_label"),
          json_read::text(j, "date")};
}

}  // namespace feedback_listed_json_detail

template <class Json>
Json follower_view_json(const FeedbackFollowerView& v) {
  using namespace feedback_listed_json_detail;
  Json out = status_day_json<Json>({v.status, v.status_label, v.date});
  out["follow_token"] = v.follow_token;
  out["published"] = false;
  out["field"] = feedback_json_detail::code_name_json<Json>(v.field);
  out["following"] = v.following;
  if (v.updates) {
    Json list = Json::array();
    for (const FeedbackStatusDay& s : *v.updates) list.push_back(status_day_json<Json>(s));
    out["updates"] = std::move(list);
  }
  if (v.distance_m) out["distance_m"] = *v.distance_m;
  return out;
}

template <class Json>
FeedbackFollowerView follower_view_from_json(const Json& j) {
  using namespace feedback_listed_json_detail;
  FeedbackFollowerView v;
  if (const Json* field = json_read::member(j, "field"))
    v.field = feedback_json_detail::code_name_from(*field);
  const FeedbackStatusDay sent = status_day_from(j);
  v.status = sent.status;
  v.status_label = sent.status_label;
  v.date = sent.date;
  v.follow_token = json_read::text(j, "follow_token");
  v.following = json_read::flag(j, "following");
  if (const Json* list = json_read::member(j, "updates"); list && list->is_array()) {
    v.updates.emplace();
    for (const auto& s : *list) v.updates->push_back(status_day_from(s));
  }
  v.distance_m = json_read::optional_integer(j, "distance_m");
  return v;
}

template <class Json>
Json listed_feedback_json(const ListedFeedback& item) {
  return item.record ? feedback_record_json<Json>(*item.record)
                     : follower_view_json<Json>(item.follower);
}

// An entry with an id is a record; one without is the follower view, which has its token.
template <class Json>
std::optional<ListedFeedback> listed_feedback_from_json(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  ListedFeedback item;
  if (json_read::member(j, "id")) {
    item.record = feedback_record_from_json(j);
    if (!item.record) return std::nullopt;
  } else {
    item.follower = follower_view_from_json(j);
    if (item.follower.follow_token.empty()) return std::nullopt;
  }
  return item;
}

// The entries of an {"items":[…]} list; what is neither is skipped.
template <class Json>
std::vector<ListedFeedback> listed_feedback_items_from_json(const Json* items) {
  std::vector<ListedFeedback> out;
  if (!items || !items->is_array()) return out;
  for (const auto& j : *items)
    if (auto item = listed_feedback_from_json(j)) out.push_back(std::move(*item));
  return out;
}

template <class Json>
Json feedback_map_json(const FeedbackMap& map) {
  Json items = Json::array();
  for (const FeedbackMarker& m : map.items)
    items.push_back(Json{{"id", m.id},
                         {"title", m.title},
                         {"lat", m.lat},
                         {"lng", m.lng},
                         {"status", m.status},
                         {"status_label", m.status_label},
                         {"field", feedback_json_detail::code_name_json<Json>(m.field)}});
  return Json{{"items", std::move(items)}, {"truncated", map.truncated}};
}

// Markers without an id (nothing to open) are skipped.
template <class Json>
FeedbackMap feedback_map_from_json(const Json& j) {
  FeedbackMap map;
  map.truncated = json_read::flag(j, "truncated");
  const Json* items = json_read::member(j, "items");
  if (!items || !items->is_array()) return map;
  for (const auto& item : *items) {
    const auto id = json_read::optional_integer(item, "id");
    if (!id || *id <= 0) continue;
    FeedbackMarker m{*id,
                     json_read::text(item, "title"),
                     json_read::optional_number(item, "lat").value_or(0),
                     json_read::optional_number(item, "lng").value_or(0),
                     json_read::text(item, "status"),
                     json_read::text(item, "status_label"),
                     {}};
    if (const Json* field = json_read::member(item, "field"))
      m.field = feedback_json_detail::code_name_from(*field);
    map.items.push_back(std::move(m));
  }
  return map;
}

}  // namespace cdscb::core
