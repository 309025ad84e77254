#include "app/screens/feedback_actions.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/platform/idb_store.h"
#include "app/platform/photo.h"
#include "app/platform/upload.h"
#include "app/screens/feedback_ui.h"
#include "app/state/device_keys.h"
#include "app/state/outbox.h"
#include "app/ui/widgets.h"
#include "core/feedback.h"
#include "core/feedback_json.h"

namespace cdscb::app::screens {

void FeedbackActions::reset() {
  note_.clear();
  agency_ = -1;
  assignee_ = -1;
  assignee_error_.clear();
  for (const auto& p : photos_) platform::idb::remove(p.key);
  photos_.clear();
  error_.clear();
  action_.clear();
}

void FeedbackActions::take_answers(AppContext& ctx) {
  agencies_.take(ctx.api, ctx.replies);
  if (auto r = colleagues_.poll(ctx.api)) {
    if (r->ok()) {
      auto j = nlohmann::json::parse(r->body, nullptr, false);
      for (const auto& c : feedback_ui::member(j, "items")) {
        colleague_ids_.push_back(api::integer(c, "id"));
        colleague_names_.push_back(api::str(c, "name"));
      }
    } else {
      error_ = api::error_of(*r).message;
    }
  }
  if (!photo_request_.empty()) {
    if (auto reply = ctx.replies.take(photo_request_)) {
      photo_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      for (const auto& p : feedback_ui::member(j, "photos")) {
        std::string key = state::new_photo_key(ctx.session.owner());
        platform::idb::put_blob(key, api::str(p, "url"));
        photos_.push_back({key, api::str(p, "url"), ""});
      }
    }
  }
  if (!upload_request_.empty()) {
    if (auto reply = ctx.replies.take(upload_request_)) {
      upload_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      api::Response r{static_cast<int>(api::integer(j, "status")), api::str(j, "body")};
      if (!r.ok()) {
        error_ = api::error_of(r).message;
        action_.clear();
      } else {
        auto body = nlohmann::json::parse(r.body, nullptr, false);
        photos_[uploading_].media_id = api::str(feedback_ui::member(body, "media"), "id");
        post(ctx);
      }
    }
  }
  if (auto r = act_.poll(ctx.api)) {
    action_.clear();
    if (r->ok()) {
      auto j = nlohmann::json::parse(r->body, nullptr, false);
      if (const auto* record = core::json_read::member(j, "feedback"))
        updated_ = core::feedback_record_from_json(*record);
      reset();
    } else {
      error_ = api::error_of(*r).message;
    }
  }
}

void FeedbackActions::start(AppContext& ctx, long long id, const std::string& action) {
  if (!action_.empty()) return;
  error_.clear();
  id_ = id;
  action_ = action;
  post(ctx);
}

// Uploads the answer's photos one by one, then posts the action.
void FeedbackActions::post(AppContext& ctx) {
  if (action_ == "resolve") {
    for (std::size_t i = 0; i < photos_.size(); ++i) {
      if (!photos_[i].media_id.empty()) continue;
      uploading_ = static_cast<int>(i);
      upload_request_ =
          ctx.replies.expect(platform::upload::post_blob(photos_[i].url, "/api/v1/media"));
      return;
    }
  }
  nlohmann::json body = {{"action", action_}};
  if (!note_.empty()) body["note"] = note_;
  if (action_ == "transfer" && agency_ >= 0) body["agency"] = agencies_.code_at(agency_);
  if (action_ == "assign" && assignee_ >= 0) body["assignee_id"] = colleague_ids_[assignee_];
  if (action_ == "resolve") {
    body["photos"] = nlohmann::json::array();
    for (const auto& p : photos_) body["photos"].push_back(p.media_id);
  }
  act_.start(ctx.api, "POST", "/api/v1/feedback/" + std::to_string(id_) + "/actions", body.dump());
}

// "Giao cho cán bộ": the officials of the feedback's agency (the list follows a transfer).
void FeedbackActions::draw_assign(AppContext& ctx, const core::FeedbackRecord& fb, float width) {
  const long long id = fb.id;
  const std::string key = std::to_string(id) + "/" + fb.agency.code;
  if (key != colleagues_for_ && !colleagues_.waiting()) {
    colleagues_for_ = key;
    colleague_ids_.clear();
    colleague_names_.clear();
    assignee_ = -1;
    colleagues_.start(ctx.api, "GET",
                      "/api/v1/officer/colleagues?limit=100&feedback=" + std::to_string(id));
  }
  if (ui::combo(ctx, "feedback.assignee", ctx.t("feedback.assign_to"), assignee_, colleague_names_,
                ctx.t("feedback.assign_hint"), assignee_error_))
    assignee_error_.clear();
  if (ui::button(ctx, "feedback.assign", ctx.t("feedback.assign"), ui::ButtonKind::kSecondary,
                 width)) {
    if (assignee_ < 0)
      assignee_error_ = ctx.t("feedback.assignee_needed");
    else
      start(ctx, id, "assign");
  }
}

std::optional<core::FeedbackRecord> FeedbackActions::draw(AppContext& ctx,
                                                          const core::FeedbackRecord& fb,
                                                          float width) {
  if (!agencies_asked_) {  // once per screen: the kept copy, then the server's answer
    agencies_asked_ = true;
    agencies_.refresh(ctx.api, ctx.replies);
  }
  take_answers(ctx);
  const long long id = fb.id;
  const std::string& status = fb.status;
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "feedback.actions", ctx.t("feedback.actions"), 2);
  if (!error_.empty()) ui::status_banner(ctx, "feedback.action_error", error_.c_str());
  // The buttons the status machine allows from here (core/feedback.h; the server checks again).
  const auto allowed = [&](std::string_view action) {
    return core::next_feedback_status(status, action).has_value();
  };
  if (allowed("receive") && ui::button(ctx, "feedback.receive", ctx.t("feedback.receive"),
                                       ui::ButtonKind::kPrimary, width))
    start(ctx, id, "receive");
  if (allowed("start") &&
      ui::button(ctx, "feedback.start", ctx.t("feedback.start"), ui::ButtonKind::kSecondary, width))
    start(ctx, id, "start");
  if (allowed("assign")) draw_assign(ctx, fb, width);
  if (allowed("resolve") || allowed("reject") || allowed("transfer")) {
    ui::text_area(ctx, "feedback.note", ctx.t("feedback.note"), note_, 4,
                  {.placeholder = ctx.t("feedback.note_hint")});
  }
  if (allowed("resolve")) {
    std::vector<core::FeedbackPhoto> photos;
    for (const auto& p : photos_) photos.push_back({.id = "", .url = p.url, .thumb_url = ""});
    feedback_ui::photo_row(ctx, "feedback.answer_photo", photos);
    if (ui::button(ctx, "feedback.answer_add_photo", ctx.t("feedback.add_photo"),
                   ui::ButtonKind::kSecondary, width) &&
        photo_request_.empty())
      photo_request_ = ctx.replies.expect(platform::photo::pick(5));
    if (ui::button(ctx, "feedback.resolve", ctx.t("feedback.resolve"), ui::ButtonKind::kPrimary,
                   width))
      start(ctx, id, "resolve");
  }
  if (allowed("reject") && ui::button(ctx, "feedback.reject", ctx.t("feedback.reject"),
                                      ui::ButtonKind::kSecondary, width))
    start(ctx, id, "reject");
  if (allowed("transfer")) {
    ui::combo(ctx, "feedback.transfer_to", ctx.t("feedback.transfer_to"), agency_,
              agencies_.names(), ctx.t("feedback.transfer_hint"));
    if (ui::button(ctx, "feedback.transfer", ctx.t("feedback.transfer"), ui::ButtonKind::kSecondary,
                   width))
      start(ctx, id, "transfer");
  }
  const bool published = fb.published;
  if (ui::button(ctx, "feedback.publish",
                 ctx.t(published ? "feedback.unpublish" : "feedback.publish"),
                 ui::ButtonKind::kSecondary, width))
    start(ctx, id, published ? "unpublish" : "publish");
  return std::exchange(updated_, std::nullopt);
}

}  // namespace cdscb::app::screens
