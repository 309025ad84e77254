#include "app/screens/services_follow_papers.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/platform/document.h"
#include "app/platform/photo.h"
#include "app/platform/upload.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_follow_ui.h"
#include "app/ui/dossier_view.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr long long kMaxPdfBytes = 10LL * 1024 * 1024;  // the server's limit for papers

}  // namespace

void ServicesFollowPapers::enter(AppContext& ctx) {
  owner_ = ctx.session.owner();
  items_ = nlohmann::json::array();
  loaded_ = adding_ = false;
  error_.clear();
  name_.clear();
  name_error_.clear();
  pick_request_.clear();
  upload_request_.clear();
  confirm_id_ = 0;
  list_ = {};
  if (ctx.session.user()) list_.start(ctx.api, "GET", "/api/v1/papers/mine");
}

void ServicesFollowPapers::upload(AppContext& ctx, const std::string& blob_url) {
  upload_request_ =
      ctx.replies.expect(platform::upload::post_blob(blob_url, "/api/v1/dossiers/files"));
}

void ServicesFollowPapers::take_answers(AppContext& ctx) {
  if (auto r = list_.poll(ctx.api)) {
    nlohmann::json body;
    if (services_follow_ui::take_body(*r, body, error_)) {
      items_ = feedback_ui::member(body, "items");
      loaded_ = true;
    }
  }
  if (!pick_request_.empty()) {
    if (auto reply = ctx.replies.take(pick_request_)) {
      pick_request_.clear();
      const auto j = nlohmann::json::parse(*reply, nullptr, false);
      // A photo: {"photos":[{"url"}]}; a PDF: {"url"}; or {"error"}.
      std::string url = api::str(j, "url");
      if (const auto& photos = feedback_ui::member(j, "photos");
          photos.is_array() && !photos.empty())
        url = api::str(photos.front(), "url");
      const std::string error = api::str(j, "error");
      if (!url.empty())
        upload(ctx, url);
      else if (error == "too_large")
        error_ = ctx.t("services.follow.paper_too_large");
    }
  }
  if (!upload_request_.empty()) {
    if (auto reply = ctx.replies.take(upload_request_)) {
      upload_request_.clear();
      const auto j = nlohmann::json::parse(*reply, nullptr, false);
      const api::Response r{static_cast<int>(api::integer(j, "status")), api::str(j, "body")};
      nlohmann::json body;
      if (services_follow_ui::take_body(r, body, error_)) {
        const std::string media = api::str(feedback_ui::member(body, "file"), "id");
        save_.start(ctx.api, "POST", "/api/v1/papers",
                    nlohmann::json{{"name", name_}, {"media", media}}.dump());
      }
    }
  }
  if (auto r = save_.poll(ctx.api)) {
    nlohmann::json body;
    if (services_follow_ui::take_body(*r, body, error_)) {
      adding_ = false;
      name_.clear();
      list_.start(ctx.api, "GET", "/api/v1/papers/mine");
    }
  }
  if (auto r = remove_.poll(ctx.api)) {
    if (r->ok() || r->status == 404)
      list_.start(ctx.api, "GET", "/api/v1/papers/mine");
    else
      error_ = api::error_of(*r).message;
  }
}

void ServicesFollowPapers::draw_add(AppContext& ctx, float width) {
  if (!adding_) {
    if (ui::button(ctx, "services.follow.paper_add", ctx.t("services.follow.paper_add"),
                   ui::ButtonKind::kPrimary, width))
      adding_ = true;
    return;
  }
  ui::text_field(ctx, "services.follow.paper_name", ctx.t("services.follow.paper_name"), name_,
                 {.placeholder = ctx.t("services.follow.paper_name_hint"), .error = name_error_});
  if (!pick_request_.empty() || !upload_request_.empty() || save_.waiting()) {
    ui::paragraph(ctx, "services.follow.paper_saving", ctx.t("services.follow.sending"),
                  ui::Theme::kMutedText);
    return;
  }
  const auto named = [&] {
    const bool blank = name_.find_first_not_of(" \t\r\n") == std::string::npos;
    name_error_ = blank ? ctx.t("services.follow.paper_name_needed") : "";
    error_.clear();
    return !blank;
  };
  if (ui::button(ctx, "services.follow.paper_photo", ctx.t("services.follow.paper_photo"),
                 ui::ButtonKind::kSecondary, width) &&
      named())
    pick_request_ = ctx.replies.expect(platform::photo::pick(1));
  if (ui::button(ctx, "services.follow.paper_pdf", ctx.t("services.follow.paper_pdf"),
                 ui::ButtonKind::kSecondary, width) &&
      named())
    pick_request_ =
        ctx.replies.expect(platform::document::pick("application/pdf,.pdf", kMaxPdfBytes));
  if (ui::button(ctx, "services.follow.paper_add_cancel", ctx.t("services.follow.cancel"),
                 ui::ButtonKind::kSecondary, width)) {
    adding_ = false;
    name_error_.clear();
  }
}

void ServicesFollowPapers::draw_item(AppContext& ctx, const nlohmann::json& paper, int i,
                                     float width) {
  const std::string id = "services.follow.paper." + std::to_string(i);
  const std::string name = api::str(paper, "name");
  const std::string code = api::str(paper, "dossier_code");
  const std::string kind = api::str(paper, "kind");
  std::string line = std::string(ctx.t(kind == "pdf" ? "services.follow.kind_pdf"
                                                     : "services.follow.kind_image")) +
                     " · " + ui::DossierView::time_text(api::str(paper, "created_at"));
  if (!code.empty())
    line += " · " + std::string(ctx.t("services.follow.paper_result_of")) + " " + code;
  // A result opens through its dossier's private route; a photo of one's own through /media/.
  if (feedback_ui::card(ctx, (id + ".open").c_str(), name, line))
    files_.open(code, api::str(paper, "media"), kind);
  const long long paper_id = api::integer(paper, "id");
  if (confirm_id_ == paper_id) {
    ui::status_banner(ctx, (id + ".confirm_text").c_str(),
                      ctx.t("services.follow.paper_delete_confirm_text"));
    if (ui::button(ctx, (id + ".confirm").c_str(), ctx.t("services.follow.paper_delete_confirm"),
                   ui::ButtonKind::kPrimary, width)) {
      confirm_id_ = 0;
      remove_.start(ctx.api, "DELETE", "/api/v1/papers/" + std::to_string(paper_id));
    }
    if (ui::button(ctx, (id + ".cancel").c_str(), ctx.t("services.follow.cancel"),
                   ui::ButtonKind::kSecondary, width))
      confirm_id_ = 0;
  } else if (ui::button(ctx, (id + ".delete").c_str(), ctx.t("services.follow.paper_delete"),
                        std::string(ctx.t("services.follow.paper_delete")) + " " + name,
                        ui::ButtonKind::kSecondary, width)) {
    confirm_id_ = paper_id;
  }
  ImGui::Dummy(ImVec2(0, 6));
}

void ServicesFollowPapers::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_) enter(ctx);  // another account's papers are never shown
  if (!services_follow_ui::require_account(ctx)) return;
  if (!loaded_ && !list_.waiting() && error_.empty())
    list_.start(ctx.api, "GET", "/api/v1/papers/mine");
  take_answers(ctx);
  ui::paragraph(ctx, "services.follow.papers_intro", ctx.t("services.follow.papers_intro"),
                ui::Theme::kMutedText);
  if (!error_.empty()) ui::status_banner(ctx, "services.follow.papers_error", error_.c_str());
  draw_add(ctx, width);
  if (!loaded_) {
    if (list_.waiting())
      ui::paragraph(ctx, "services.follow.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (items_.empty())
    ui::paragraph(ctx, "services.follow.papers_empty", ctx.t("services.follow.papers_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& paper : items_) draw_item(ctx, paper, i++, width);
}

}  // namespace cdscb::app::screens
