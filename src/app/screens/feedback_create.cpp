#include "app/screens/feedback_create.h"

#include <imgui.h>

#include <cstdio>
#include <utility>

#include "app/api/json.h"
#include "app/platform/geolocation.h"
#include "app/platform/idb_store.h"
#include "app/platform/photo.h"
#include "app/screens/feedback_ui.h"
#include "app/state/device_keys.h"
#include "app/state/outbox.h"
#include "app/ui/widgets.h"
#include "core/communes.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kMapId = "feedback.map";

std::string draft_key(const std::string& owner) {
  return state::account_prefix(owner) + "draft/feedback";
}

bool blank(const state::FeedbackForm& form) {
  return state::to_json(form) == state::to_json(state::FeedbackForm{});
}

}  // namespace

void FeedbackCreate::enter(AppContext& ctx) {
  fields_data_.refresh(ctx.api, ctx.replies);
  follow_owner(ctx);
  if (commune_names_.empty())
    for (const auto& c : core::communes()) commune_names_.emplace_back(c.name);
  similar_.clear_message();
}

std::string FeedbackCreate::error(const char* key) const {
  if (!tried_) return {};
  if (auto it = errors_.find(key); it != errors_.end()) return it->second;
  auto it = server_errors_.find(key);
  return it == server_errors_.end() ? std::string() : it->second;
}

// The signed-in account changed (or the page just opened): the form becomes that account's draft.
// What was typed signed out goes with the account signing in; another account's form is dropped
// from the page (it stays on the device under its owner).
void FeedbackCreate::follow_owner(AppContext& ctx) {
  const std::string& owner = ctx.session.owner();
  if (owner == owner_ && (owner.empty() || draft_loaded_ || !draft_request_.empty())) return;
  const bool adopt = owner_.empty() && !owner.empty() && refused_key_.empty() && !blank(form_);
  owner_ = owner;
  draft_request_.clear();
  draft_loaded_ = false;
  saved_json_.clear();
  if (adopt) {
    // Its photos were only in the page: now they are kept, under the account.
    for (auto& p : form_.photos) {
      if (!p.key.empty() || p.url.empty()) continue;
      p.key = state::new_photo_key(owner_);
      platform::idb::put_blob(p.key, p.url);
    }
    draft_loaded_ = true;  // the typed form wins over an older saved draft
    return;
  }
  refused_key_.clear();
  refused_json_ = nlohmann::json();
  refused_message_.clear();
  server_errors_.clear();
  draft_aside_ = {};
  show({});
  if (!owner_.empty()) draft_request_ = ctx.replies.expect(platform::idb::get(draft_key(owner_)));
}

void FeedbackCreate::save_draft(AppContext& ctx) {
  if (owner_.empty()) return;  // signed out: nothing is kept without an account
  if (!refused_key_.empty()) {
    ctx.outbox.keep_refused_edit(state::feedback_item(owner_, form_, refused_key_));
    return;
  }
  if (!draft_loaded_) return;  // never overwrite a saved draft before it was read
  std::string json = state::to_json(form_).dump();
  if (json == saved_json_) return;
  saved_json_ = json;
  platform::idb::put(draft_key(owner_), json);
}

void FeedbackCreate::take_fields(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  fields_.clear();
  field_names_.clear();
  for (const auto& f : feedback_ui::member(j, "fields")) {
    fields_.push_back({api::str(f, "code"), api::str(f, "name"),
                       api::str(feedback_ui::member(f, "agency"), "name")});
    field_names_.push_back(fields_.back().name);
  }
}

void FeedbackCreate::take_answers(AppContext& ctx) {
  follow_owner(ctx);
  if (auto body = fields_data_.take(ctx.api, ctx.replies)) take_fields(*body);
  if (!draft_request_.empty()) {
    if (auto reply = ctx.replies.take(draft_request_)) {
      draft_request_.clear();
      draft_loaded_ = true;
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      std::string saved = api::str(j, "value");
      if (!saved.empty()) {
        // A refused feedback opened first keeps the form; the draft waits aside.
        state::FeedbackForm& into = refused_key_.empty() ? form_ : draft_aside_;
        into = state::form_from_json(nlohmann::json::parse(saved, nullptr, false));
        saved_json_ = saved;
        load_photo_urls(ctx, into);
        if (refused_key_.empty()) show(std::move(form_));
      }
    }
  }
  for (auto it = url_requests_.begin(); it != url_requests_.end();) {
    auto reply = ctx.replies.take(it->first);
    if (!reply) {
      ++it;
      continue;
    }
    std::string url = api::str(nlohmann::json::parse(*reply, nullptr, false), "url");
    for (auto* form : {&form_, &draft_aside_})
      for (auto& p : form->photos)
        if (p.key == it->second) p.url = url;
    it = url_requests_.erase(it);
  }
  // The server's message about a part goes once the citizen changed that part.
  if (!refused_key_.empty()) {
    const nlohmann::json now = state::to_json(form_);
    std::erase_if(server_errors_, [&](const auto& e) {
      return refused_json_.contains(e.first) && now.contains(e.first) &&
             refused_json_[e.first] != now[e.first];
    });
  }
  if (!geo_request_.empty()) {
    if (auto reply = ctx.replies.take(geo_request_)) {
      geo_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      std::string e = api::str(j, "error");
      if (!e.empty()) {
        geo_message_ = ctx.t(e == "denied" ? "feedback.geo_denied" : "feedback.geo_unavailable");
      } else if (j.contains("lat") && j["lat"].is_number() && j["lon"].is_number()) {
        core::FeedbackLocation loc{j["lat"].get<double>(), j["lon"].get<double>(), std::nullopt};
        if (j.contains("accuracy") && j["accuracy"].is_number())
          loc.accuracy_m = j["accuracy"].get<double>();
        form_.draft.location = loc;
        view_.lat = loc.lat;
        view_.lon = loc.lng;
        view_.zoom = 16;
        geo_message_.clear();
      }
    }
  }
  // The map's pin reports under a fixed id, each time it is moved.
  const std::string& pin_moves = ctx.replies.expect(std::string("map-pin:") + kMapId);
  if (auto moved = ctx.replies.take(pin_moves)) {
    auto j = nlohmann::json::parse(*moved, nullptr, false);
    if (j.contains("lat") && j["lat"].is_number() && j["lon"].is_number())
      form_.draft.location =
          core::FeedbackLocation{j["lat"].get<double>(), j["lon"].get<double>(), std::nullopt};
  }
  if (!photo_request_.empty()) {
    if (auto reply = ctx.replies.take(photo_request_)) {
      photo_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      for (const auto& p : feedback_ui::member(j, "photos")) {
        if (form_.photos.size() >= core::kFeedbackPhotosMax) break;
        // Kept under the account; signed out, only in the page until someone signs in.
        std::string key = owner_.empty() ? std::string() : state::new_photo_key(owner_);
        std::string url = api::str(p, "url");
        if (!key.empty()) platform::idb::put_blob(key, url);
        form_.photos.push_back({key, url, ""});
      }
      if (api::str(j, "error") == "unreadable") photo_message_ = ctx.t("feedback.photo_unreadable");
    }
  }
  if (similar_.take_answers(ctx) == FeedbackSimilar::Outcome::kSend) enqueue(ctx);
  form_.draft.photos.assign(form_.photos.size(), "");
  if (tried_) errors_ = ctx.i18n.t(core::validate_feedback(form_.draft));
  save_draft(ctx);
}

void FeedbackCreate::load_photo_urls(AppContext& ctx, const state::FeedbackForm& form) {
  for (const auto& p : form.photos)
    if (p.url.empty() && !p.key.empty())
      url_requests_[ctx.replies.expect(platform::idb::blob_url(p.key))] = p.key;
}

// Puts `form` in the page as a fresh start: no messages yet, the map on its pin.
void FeedbackCreate::show(state::FeedbackForm form) {
  form_ = std::move(form);
  tried_ = false;
  errors_.clear();
  similar_.clear();
  view_ = {};
  if (form_.draft.location) {
    view_.lat = form_.draft.location->lat;
    view_.lon = form_.draft.location->lng;
    view_.zoom = 16;
  }
}

void FeedbackCreate::open_refused(AppContext& ctx, const std::string& key) {
  follow_owner(ctx);
  const state::RefusedItem* refused = ctx.outbox.find_refused(owner_, key);
  if (!refused) return;
  if (refused_key_.empty()) draft_aside_ = std::move(form_);
  refused_key_ = key;
  show(state::feedback_form(refused->item));
  refused_json_ = state::to_json(form_);
  server_errors_ = refused->error.fields;
  refused_message_ = refused->error.message;
  tried_ = true;
  load_photo_urls(ctx, form_);
}

// Back to the draft, once the refused feedback was sent again or given up.
void FeedbackCreate::close_refused(AppContext& ctx, bool drop_photos) {
  ctx.outbox.forget_refused(owner_, refused_key_, drop_photos);
  refused_key_.clear();
  refused_json_ = nlohmann::json();
  refused_message_.clear();
  server_errors_.clear();
  show(std::exchange(draft_aside_, {}));
}

void FeedbackCreate::draw_location(AppContext& ctx, float width) {
  ui::heading(ctx, "feedback.location", ctx.t("feedback.location"), 2);
  ui::paragraph(ctx, "feedback.location_hint", ctx.t("feedback.location_hint"),
                ui::Theme::kMutedText);
  view_.draggable = true;
  view_.pin = form_.draft.location.has_value();
  if (view_.pin) {
    view_.pin_lat = form_.draft.location->lat;
    view_.pin_lon = form_.draft.location->lng;
  }
  ctx.overlays.map(kMapId, 280.0f, view_);
  if (ui::button(ctx, "feedback.use_my_location", ctx.t("feedback.use_my_location"),
                 ui::ButtonKind::kSecondary, width) &&
      geo_request_.empty()) {
    geo_message_ = ctx.t("feedback.geo_waiting");
    geo_request_ = ctx.replies.expect(platform::geolocation::request_position());
  }
  if (!geo_message_.empty()) ui::status_banner(ctx, "feedback.geo_message", geo_message_.c_str());
  if (const auto& loc = form_.draft.location) {
    std::string text = std::string(ctx.t("feedback.latitude")) + " " +
                       feedback_ui::coordinate(loc->lat) + ", " + ctx.t("feedback.longitude") +
                       " " + feedback_ui::coordinate(loc->lng);
    if (loc->accuracy_m) {
      char acc[32];
      std::snprintf(acc, sizeof acc, " (±%.0f m)", *loc->accuracy_m);
      text += acc;
    }
    ui::paragraph(ctx, "feedback.coordinates", text.c_str());
    if (!core::inside_province(loc->lat, loc->lng))
      ui::paragraph(ctx, "feedback.outside", ctx.t(core::kOutsideProvince), ui::Theme::kError);
  }
  if (std::string e = error("location"); !e.empty() && form_.draft.location.has_value() == false)
    ui::paragraph(ctx, "feedback.location_error", e.c_str(), ui::Theme::kError);
  ui::text_field(ctx, "feedback.address", ctx.t("feedback.address"), form_.draft.address,
                 {.placeholder = ctx.t("feedback.address_hint"), .error = error("address")});
  int commune = -1;
  for (std::size_t i = 0; i < core::communes().size(); ++i)
    if (core::communes()[i].code == form_.draft.commune) commune = static_cast<int>(i);
  if (ui::combo(ctx, "feedback.commune", ctx.t("feedback.commune"), commune, commune_names_,
                ctx.t("feedback.commune_hint")))
    form_.draft.commune = commune >= 0 ? std::string(core::communes()[commune].code) : "";
}

void FeedbackCreate::draw_photos(AppContext& ctx, float width) {
  ui::heading(ctx, "feedback.photos", ctx.t("feedback.photos"), 2);
  ui::paragraph(ctx, "feedback.photos_hint", ctx.t("feedback.photos_hint"), ui::Theme::kMutedText);
  const float side = 96, gap = 8;
  const int per_row = std::max(1, static_cast<int>((width + gap) / (side + gap)));
  int remove = -1;
  for (std::size_t i = 0; i < form_.photos.size(); ++i) {
    if (i % per_row != 0) ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    const std::string id = "feedback.photo." + std::to_string(i);
    feedback_ui::thumbnail(ctx, form_.photos[i].url, side);
    const std::string name = std::string(ctx.t("feedback.photo")) + " " + std::to_string(i + 1);
    ui::mirror_last_item(ctx, {.id = id, .role = ui::Role::kText, .name = name});
    char label[64];
    std::snprintf(label, sizeof label, ctx.t("feedback.photo_remove"), static_cast<int>(i + 1));
    if (ui::button(ctx, (id + ".remove").c_str(), label, ui::ButtonKind::kSecondary, side))
      remove = static_cast<int>(i);
    ImGui::EndGroup();
  }
  if (remove >= 0) {
    if (!form_.photos[remove].key.empty()) platform::idb::remove(form_.photos[remove].key);
    form_.photos.erase(form_.photos.begin() + remove);
  }
  if (form_.photos.size() < core::kFeedbackPhotosMax &&
      ui::button(ctx, "feedback.add_photo", ctx.t("feedback.add_photo"), ui::ButtonKind::kSecondary,
                 width) &&
      photo_request_.empty()) {
    photo_message_.clear();
    photo_request_ = ctx.replies.expect(
        platform::photo::pick(static_cast<int>(core::kFeedbackPhotosMax - form_.photos.size())));
  }
  if (!photo_message_.empty())
    ui::paragraph(ctx, "feedback.photo_message", photo_message_.c_str(), ui::Theme::kError);
  if (std::string e = error("photos"); !e.empty())
    ui::paragraph(ctx, "feedback.photos_error", e.c_str(), ui::Theme::kError);
}

void FeedbackCreate::try_send(AppContext& ctx) {
  tried_ = true;
  refused_message_.clear();
  server_errors_.clear();
  errors_ = ctx.i18n.t(core::validate_feedback(form_.draft));
  if (errors_.empty()) similar_.ask(ctx, form_.draft);
}

void FeedbackCreate::enqueue(AppContext& ctx) {
  // A fixed refused feedback is a new request (nothing was stored under its old key).
  ctx.outbox.add(state::feedback_item(owner_, form_, state::new_idempotency_key()));
  if (!refused_key_.empty()) {
    close_refused(ctx, /*drop_photos=*/false);
  } else {
    show({});
    save_draft(ctx);
  }
  ctx.nav.replace(core::feedback_route(core::FeedbackPage::kMine));
}

void FeedbackCreate::draw(AppContext& ctx, float width) {
  take_answers(ctx);
  similar_.draw_message(ctx);
  if (similar_.shown()) {
    if (similar_.draw(ctx, width) == FeedbackSimilar::Outcome::kSend) enqueue(ctx);
    return;
  }
  if (!refused_message_.empty())
    ui::status_banner(ctx, "feedback.refused", refused_message_.c_str());
  ui::text_field(ctx, "feedback.title", ctx.t("feedback.field_title"), form_.draft.title,
                 {.placeholder = ctx.t("feedback.field_title_hint"), .error = error("title")});
  ui::text_area(ctx, "feedback.content", ctx.t("feedback.content"), form_.draft.content, 5,
                {.placeholder = ctx.t("feedback.content_hint"), .error = error("content")});
  int field = -1;
  for (std::size_t i = 0; i < fields_.size(); ++i)
    if (fields_[i].code == form_.draft.field) field = static_cast<int>(i);
  if (ui::combo(ctx, "feedback.field", ctx.t("feedback.field"), field, field_names_,
                ctx.t("feedback.field_hint")))
    form_.draft.field = field >= 0 ? fields_[field].code : "";
  if (field >= 0 && !fields_[field].agency.empty()) {
    std::string agency = std::string(ctx.t("feedback.agency")) + ": " + fields_[field].agency;
    ui::paragraph(ctx, "feedback.agency", agency.c_str(), ui::Theme::kMutedText);
  }
  if (std::string e = error("field"); !e.empty())
    ui::paragraph(ctx, "feedback.field_error", e.c_str(), ui::Theme::kError);
  draw_location(ctx, width);
  draw_photos(ctx, width);
  ImGui::Dummy(ImVec2(0, 4));
  ui::checkbox(ctx, "feedback.anonymous", ctx.t("feedback.anonymous"), form_.draft.anonymous);
  ui::paragraph(ctx, "feedback.anonymous_hint", ctx.t("feedback.anonymous_hint"),
                ui::Theme::kMutedText);
  // Signed out, the form still fills (and is kept); sending needs an account.
  if (!ctx.session.user()) {
    ui::paragraph(ctx, "feedback.login_needed", ctx.t("feedback.login_needed"));
    if (ui::button(ctx, "feedback.login", ctx.t("home.login"), ui::ButtonKind::kPrimary, width))
      ctx.nav.go({core::Screen::kLogin, ""});
  } else if (ui::button(ctx, "feedback.send", ctx.t("feedback.send"), ui::ButtonKind::kPrimary,
                        width)) {
    try_send(ctx);
  }
  if (!refused_key_.empty() &&
      ui::button(ctx, "feedback.refused_discard", ctx.t("feedback.refused_discard"),
                 ui::ButtonKind::kSecondary, width))
    close_refused(ctx, /*drop_photos=*/true);
  if (tried_ && !errors_.empty())
    ui::status_banner(ctx, "feedback.fix_errors", ctx.t("feedback.fix_errors"));
}

}  // namespace cdscb::app::screens
