#include "app/state/feedback_form.h"

#include "app/api/json.h"

namespace cdscb::app::state {

nlohmann::json to_json(const FeedbackForm& form) {
  const core::FeedbackDraft& d = form.draft;
  nlohmann::json photos = nlohmann::json::array();
  for (const FormPhoto& p : form.photos)
    photos.push_back({{"key", p.key}, {"media_id", p.media_id}});
  nlohmann::json location;
  if (d.location) {
    location = {{"lat", d.location->lat}, {"lng", d.location->lng}};
    if (d.location->accuracy_m) location["accuracy_m"] = *d.location->accuracy_m;
  }
  return {{"title", d.title},         {"content", d.content}, {"field", d.field},
          {"location", location},     {"address", d.address}, {"commune", d.commune},
          {"anonymous", d.anonymous}, {"photos", photos}};
}

FeedbackForm form_from_json(const nlohmann::json& j) {
  FeedbackForm form;
  core::FeedbackDraft& d = form.draft;
  d.title = api::str(j, "title");
  d.content = api::str(j, "content");
  d.field = api::str(j, "field");
  d.address = api::str(j, "address");
  d.commune = api::str(j, "commune");
  d.anonymous = api::boolean(j, "anonymous");
  if (j.is_object() && j.contains("location") && j["location"].is_object()) {
    const auto& l = j["location"];
    if (l.contains("lat") && l["lat"].is_number() && l.contains("lng") && l["lng"].is_number()) {
      core::FeedbackLocation loc{l["lat"].get<double>(), l["lng"].get<double>(), std::nullopt};
      if (l.contains("accuracy_m") && l["accuracy_m"].is_number())
        loc.accuracy_m = l["accuracy_m"].get<double>();
      d.location = loc;
    }
  }
  if (j.is_object() && j.contains("photos") && j["photos"].is_array()) {
    for (const auto& p : j["photos"])
      if (!api::str(p, "key").empty())
        form.photos.push_back({api::str(p, "key"), "", api::str(p, "media_id")});
  }
  for (const FormPhoto& p : form.photos) d.photos.push_back(p.media_id);
  return form;
}

nlohmann::json request_body(const FeedbackForm& form) {
  nlohmann::json body = to_json(form);
  nlohmann::json ids = nlohmann::json::array();
  for (const FormPhoto& p : form.photos) ids.push_back(p.media_id);
  body["photos"] = ids;
  if (form.draft.address.empty()) body.erase("address");
  if (form.draft.commune.empty()) body.erase("commune");
  return body;
}

OutboxItem feedback_item(std::string owner, const FeedbackForm& form, std::string key) {
  OutboxItem item{std::string(kFeedbackKind), std::move(owner), std::move(key), to_json(form)};
  item.form.erase("photos");
  for (const FormPhoto& p : form.photos) item.uploads.push_back({p.key, p.media_id});
  return item;
}

FeedbackForm feedback_form(const OutboxItem& item) {
  FeedbackForm form = form_from_json(item.form);
  form.photos.clear();
  for (const Upload& u : item.uploads) form.photos.push_back({u.key, "", u.media_id});
  form.draft.photos.clear();
  for (const FormPhoto& p : form.photos) form.draft.photos.push_back(p.media_id);
  return form;
}

nlohmann::json feedback_body(const nlohmann::json& form,
                             const std::vector<std::string>& media_ids) {
  FeedbackForm f = form_from_json(form);
  f.photos.clear();
  for (const std::string& id : media_ids) f.photos.push_back({"", "", id});
  return request_body(f);
}

}  // namespace cdscb::app::state
