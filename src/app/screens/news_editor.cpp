#include "app/screens/news_editor.h"

#include <cmath>
#include <vector>

#include "app/api/json.h"
#include "app/platform/photo.h"
#include "app/platform/upload.h"
#include "app/ui/page.h"
#include "app/ui/picture.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void NewsEditor::on_enter(AppContext& ctx) {
  if (ctx.news.categories.empty() && !ctx.news.categories_call.waiting())
    ctx.news.categories_call.start(ctx.api, "GET", "/api/v1/news/categories");
}

void NewsEditor::take_answers(AppContext& ctx) {
  if (!pick_.empty()) {
    if (auto reply = ctx.replies.take(pick_)) {
      pick_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
      auto photos = j.is_object() ? j.find("photos") : j.end();
      if (photos != j.end() && photos->is_array() && !photos->empty()) {
        cover_preview_ = api::str((*photos)[0], "url");
        cover_id_.clear();
        upload_ = ctx.replies.expect(platform::upload::post_blob(cover_preview_, "/api/v1/media"));
      }
    }
  }
  if (!upload_.empty()) {
    if (auto reply = ctx.replies.take(upload_)) {
      upload_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
      api::Response response{static_cast<int>(api::integer(j, "status")), api::str(j, "body")};
      auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
      if (response.ok() && body.is_object() && body.contains("media"))
        cover_id_ = api::str(body["media"], "id");
      else
        error_ = api::error_of(response);
      if (cover_id_.empty()) cover_preview_.clear();
    }
  }
  if (auto answer = call_.poll(ctx.api)) {
    if (answer->ok()) {
      notice_ = ctx.t(publish_now_ ? "news.editor.published" : "news.editor.saved_draft");
      title_.clear();
      summary_.clear();
      text_.clear();
      cover_id_.clear();
      cover_preview_.clear();
      error_ = {};
      ctx.news.list.refresh(ctx.api);
    } else {
      error_ = api::error_of(*answer);
    }
  }
}

void NewsEditor::submit(AppContext& ctx) {
  nlohmann::json body{
      {"title", title_}, {"summary", summary_}, {"text", text_}, {"published", publish_now_}};
  if (category_ >= 0 && category_ < static_cast<int>(ctx.news.categories.size()))
    body["category"] = ctx.news.categories[category_].code;
  if (!cover_id_.empty()) body["cover"] = cover_id_;
  notice_.clear();
  error_ = {};
  call_.start(ctx.api, "POST", "/api/v1/news", body.dump());
}

void NewsEditor::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("news.publish"), /*is_home=*/false);
  if (!(ctx.session.user() && ctx.session.user()->official())) {
    ui::paragraph(ctx, "news.editor.officials_only", ctx.t("news.officials_only"),
                  ui::Theme::kMutedText);
    ui::end_page(ctx);
    return;
  }
  if (!notice_.empty()) ui::status_banner(ctx, "news.editor.notice", notice_.c_str());
  ui::text_field(ctx, "news.editor.title", ctx.t("news.editor.title"), title_,
                 {.error = error_.field("title")});
  ui::text_area(ctx, "news.editor.summary", ctx.t("news.editor.summary"), summary_, 3,
                {.error = error_.field("summary")});
  ui::text_area(ctx, "news.editor.text", ctx.t("news.editor.text"), text_, 8,
                {.placeholder = ctx.t("news.editor.text_hint"), .error = error_.field("text")});
  std::vector<std::string> categories;
  for (const auto& c : ctx.news.categories) categories.push_back(c.name);
  if (!categories.empty())
    ui::combo(ctx, "news.editor.category", ctx.t("news.editor.category"), category_, categories,
              ctx.t("news.editor.pick_category"));

  ImGui::PushFont(ctx.theme.bold);
  ImGui::TextUnformatted(ctx.t("news.editor.cover"));
  ImGui::PopFont();
  if (!cover_preview_.empty()) {
    const float w = page.column_width, h = std::floor(w * 0.5625f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    ui::picture(ctx, cover_preview_, "", min, ImVec2(min.x + w, min.y + h),
                static_cast<int>(w * 2));
  }
  if (!error_.field("cover").empty())
    ui::paragraph(ctx, "news.editor.cover_error", error_.field("cover").c_str(), ui::Theme::kError);
  const char* pick_label =
      upload_.empty() ? ctx.t("news.editor.pick_cover") : ctx.t("news.editor.uploading");
  if (ui::button(ctx, "news.editor.pick", pick_label, ui::ButtonKind::kSecondary,
                 page.column_width) &&
      pick_.empty() && upload_.empty())
    pick_ = ctx.replies.expect(platform::photo::pick(1));

  ui::checkbox(ctx, "news.editor.publish_now", ctx.t("news.editor.publish_now"), publish_now_);
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "news.editor.error", error_.message.c_str());
  const char* label = call_.waiting() ? ctx.t("news.editor.saving")
                      : publish_now_  ? ctx.t("news.editor.save_publish")
                                      : ctx.t("news.editor.save_draft");
  if (ui::button(ctx, "news.editor.submit", label, ui::ButtonKind::kPrimary, page.column_width) &&
      !call_.waiting() && upload_.empty())
    submit(ctx);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
