#pragma once
// A feedback record (core/feedback_record.h) as the API's JSON and back, shared by the server
// (every answer that carries feedback) and the app (what its screens show). A template over the
// JSON type, as core/directory_json.h, so that core itself needs no JSON library: callers pass
// nlohmann::json.
#include <optional>
#include <string>
#include <vector>

#include "core/feedback_record.h"
#include "core/json_read.h"

namespace cdscb::core {
namespace feedback_json_detail {

template <class Json, class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

template <class Json>
Json code_name_json(const CodeName& c) {
  return Json{{"code", c.code}, {"name", c.name}};
}

template <class Json>
CodeName code_name_from(const Json& j) {
  return {json_read::text(j, "code"), json_read::text(j, "name")};
}

template <class Json>
Json photos_json(const std::vector<FeedbackPhoto>& photos) {
  Json list = Json::array();
  for (const FeedbackPhoto& p : photos)
    list.push_back(Json{{"id", p.id}, {"url", p.url}, {"thumb_url", p.thumb_url}});
  return list;
}

// Photos without any URL are dropped: there is nothing to show.
template <class Json>
std::vector<FeedbackPhoto> photos_from(const Json* list) {
  std::vector<FeedbackPhoto> photos;
  if (!list || !list->is_array()) return photos;
  for (const auto& p : *list) {
    FeedbackPhoto photo{json_read::text(p, "id"), json_read::text(p, "url"),
                        json_read::text(p, "thumb_url")};
    if (!photo.url.empty() || !photo.thumb_url.empty()) photos.push_back(std::move(photo));
  }
  return photos;
}

template <class Json>
Json answer_json(const FeedbackAnswer& a) {
  Json by = nullptr;
  if (a.by) by = Json{{"name", a.by->name}, {"agency", a.by->agency}};
  return Json{{"text", a.text},
              {"photos", photos_json<Json>(a.photos)},
              {"at", or_null<Json>(a.at)},
              {"by", by}};
}

template <class Json>
FeedbackAnswer answer_from(const Json& j) {
  FeedbackAnswer a{json_read::text(j, "text"), photos_from(json_read::member(j, "photos")),
                   json_read::optional_text(j, "at"), std::nullopt};
  if (const Json* by = json_read::member(j, "by"); by && by->is_object())
    a.by = FeedbackAnswerBy{json_read::text(*by, "name"), json_read::text(*by, "agency")};
  return a;
}

template <class Json>
Json update_json(const FeedbackUpdate& u) {
  return Json{{"at", u.at},
              {"actor", Json{{"name", or_null<Json>(u.actor.name)}, {"role", u.actor.role}}},
              {"action", u.action},
              {"status", u.status},
              {"status_label", u.status_label},
              {"note", or_null<Json>(u.note)},
              {"photos", photos_json<Json>(u.photos)}};
}

template <class Json>
FeedbackUpdate update_from(const Json& j) {
  FeedbackUpdate u;
  u.at = json_read::text(j, "at");
  if (const Json* actor = json_read::member(j, "actor"))
    u.actor = {json_read::optional_text(*actor, "name"), json_read::text(*actor, "role")};
  u.action = json_read::text(j, "action");
  u.status = json_read::text(j, "status");
  u.status_label = json_read::text(j, "status_label");
  u.note = json_read::optional_text(j, "note");
  u.photos = photos_from(json_read::member(j, "photos"));
  return u;
}

}  // namespace feedback_json_detail

template <class Json>
Json feedback_record_json(const FeedbackRecord& f) {
  using namespace feedback_json_detail;
  Json out = {
      {"id", f.id},
      {"title", f.title},
      {"content", f.content},
      {"field", code_name_json<Json>(f.field)},
      {"agency", code_name_json<Json>(f.agency)},
      {"status", f.status},
      {"status_label", f.status_label},
      {"location", Json{{"lat", f.location.lat},
                        {"lng", f.location.lng},
                        {"accuracy_m", or_null<Json>(f.location.accuracy_m)}}},
      {"address", or_null<Json>(f.address)},
      {"commune", f.commune ? code_name_json<Json>(*f.commune) : Json(nullptr)},
      {"photos", photos_json<Json>(f.photos)},
      {"anonymous", f.anonymous},
      {"author", f.author ? Json{{"name", *f.author}} : Json(nullptr)},
      {"created_at", f.created_at},
      {"updated_at", f.updated_at},
      {"receive_deadline", f.receive_deadline},
      {"answer_deadline", f.answer_deadline},
      {"overdue", f.overdue},
      {"published", f.published},
      {"answer", f.answer ? answer_json<Json>(*f.answer) : Json(nullptr)},
      {"rating",
       f.rating ? Json{{"stars", f.rating->stars}, {"comment", f.rating->comment}} : Json(nullptr)},
      {"can_reopen", f.can_reopen},
      {"following", f.following},
  };
  if (f.assignee) out["assignee"] = Json{{"id", f.assignee->id}, {"name", f.assignee->name}};
  if (f.updates) {
    Json list = Json::array();
    for (const FeedbackUpdate& u : *f.updates) list.push_back(update_json<Json>(u));
    out["updates"] = std::move(list);
  }
  if (f.distance_m) out["distance_m"] = *f.distance_m;
  return out;
}

// Read defensively (a missing or mistyped member reads as empty); nullopt when it is no feedback
// at all (not an object, or no id).
template <class Json>
std::optional<FeedbackRecord> feedback_record_from_json(const Json& j) {
  using namespace feedback_json_detail;
  const auto id = json_read::optional_integer(j, "id");
  if (!id) return std::nullopt;
  FeedbackRecord f;
  f.id = *id;
  f.title = json_read::text(j, "title");
  f.content = json_read::text(j, "content");
  if (const Json* field = json_read::member(j, "field")) f.field = code_name_from(*field);
  if (const Json* agency = json_read::member(j, "agency")) f.agency = code_name_from(*agency);
  f.status = json_read::text(j, "status");
  f.status_label = json_read::text(j, "status_label");
  if (const Json* loc = json_read::member(j, "location")) {
    f.location.lat = json_read::optional_number(*loc, "lat").value_or(0);
    f.location.lng = json_read::optional_number(*loc, "lng").value_or(0);
    f.location.accuracy_m = json_read::optional_number(*loc, "accuracy_m");
  }
  f.address = json_read::optional_text(j, "address");
  if (const Json* commune = json_read::member(j, "commune"); commune && commune->is_object())
    f.commune = code_name_from(*commune);
  f.photos = photos_from(json_read::member(j, "photos"));
  f.anonymous = json_read::flag(j, "anonymous");
  if (const Json* author = json_read::member(j, "author"); author && author->is_object())
    f.author = json_read::text(*author, "name");
  f.created_at = json_read::text(j, "created_at");
  f.updated_at = json_read::text(j, "updated_at");
  f.receive_deadline = json_read::text(j, "receive_deadline");
  f.answer_deadline = json_read::text(j, "answer_deadline");
  f.overdue = json_read::flag(j, "overdue");
  f.published = json_read::flag(j, "published");
  if (const Json* answer = json_read::member(j, "answer"); answer && answer->is_object())
    f.answer = answer_from(*answer);
  if (const Json* rating = json_read::member(j, "rating"); rating && rating->is_object())
    f.rating =
        FeedbackRating{static_cast<int>(json_read::optional_integer(*rating, "stars").value_or(0)),
                       json_read::text(*rating, "comment")};
  f.can_reopen = json_read::flag(j, "can_reopen");
  f.following = json_read::flag(j, "following");
  if (const Json* a = json_read::member(j, "assignee"); a && a->is_object())
    f.assignee = FeedbackAssignee{json_read::optional_integer(*a, "id").value_or(0),
                                  json_read::text(*a, "name")};
  if (const Json* list = json_read::member(j, "updates"); list && list->is_array()) {
    f.updates.emplace();
    for (const auto& u : *list) f.updates->push_back(update_from(u));
  }
  f.distance_m = json_read::optional_integer(j, "distance_m");
  return f;
}

// The records of an {"items":[…]} list; entries that are no feedback are skipped.
template <class Json>
std::vector<FeedbackRecord> feedback_records_from_json(const Json* items) {
  std::vector<FeedbackRecord> out;
  if (!items || !items->is_array()) return out;
  for (const auto& item : *items)
    if (auto record = feedback_record_from_json(item)) out.push_back(std::move(*record));
  return out;
}

}  // namespace cdscb::core
