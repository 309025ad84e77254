#include "app/screens/news_article.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/api/json.h"
#include "app/platform/redirect.h"
#include "app/platform/share.h"
#include "app/state/news_cache.h"
#include "app/ui/page.h"
#include "app/ui/picture.h"
#include "app/ui/rich_text.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void NewsArticle::on_enter(AppContext& ctx) {
  const std::string& id = ctx.nav.current().param;
  if (id == id_ && (article_ || call_.waiting())) return;
  id_ = id;
  article_.reset();
  offline_copy_ = missing_ = not_saved_ = false;
  error_ = {};
  share_notice_.clear();
  cache_read_.clear();
  call_.start(ctx.api, "GET", "/api/v1/news/" + id_);
  scroll_to_top_ = true;
}

void NewsArticle::take_answers(AppContext& ctx) {
  if (auto answer = call_.poll(ctx.api)) {
    if (answer->ok()) {
      article_ = state::article_from_json(answer->body);
      offline_copy_ = false;
    } else if (answer->network_error()) {
      cache_read_ = state::NewsCache::read_article(ctx.replies, id_);
    } else if (answer->status == 404) {
      missing_ = true;
    } else {
      error_ = api::error_of(*answer);
    }
  }
  if (!cache_read_.empty()) {
    if (auto reply = ctx.replies.take(cache_read_)) {
      cache_read_.clear();
      article_ = state::NewsCache::article_from_reply(*reply);
      offline_copy_ = article_.has_value();
      not_saved_ = !article_;
    }
  }
  if (!share_.empty()) {
    if (auto reply = ctx.replies.take(share_)) {
      share_.clear();
      const std::string result = api::str(nlohmann::json::parse(*reply, nullptr, false), "result");
      share_notice_ = result == "copied"   ? ctx.t("news.copied")
                      : result == "failed" ? ctx.t("news.share_failed")
                                           : "";
    }
  }
}

void NewsArticle::draw_body(AppContext& ctx, float width) {
  int n = 0;
  for (const state::Block& block : article_->body) {
    const std::string id = "news.block." + std::to_string(n++);
    switch (block.type) {
      case state::Block::Type::kHeading:
        ui::heading(ctx, id.c_str(), block.text.c_str(), block.level);
        break;
      case state::Block::Type::kParagraph:
        ui::rich_paragraph(ctx, id, block.spans, width);
        break;
      case state::Block::Type::kList: {
        int i = 0;
        for (const auto& item : block.items) {
          ++i;
          const std::string marker = block.ordered ? std::to_string(i) + "." : "\xE2\x80\xA2";
          const ImVec2 at = ImGui::GetCursorScreenPos();
          const float line_h = std::floor(ImGui::GetTextLineHeight() * 1.3f);
          ImGui::GetWindowDrawList()->AddText(
              ImVec2(at.x + 4, at.y + (line_h - ImGui::GetTextLineHeight()) / 2), ui::Theme::kText,
              marker.c_str());
          ui::rich_paragraph(ctx, id + "." + std::to_string(i), item, width, 28);
        }
        break;
      }
      case state::Block::Type::kImage: {
        const int w = block.width.value_or(0), h_px = block.height.value_or(0);
        const float aspect = w > 0 && h_px > 0 ? float(h_px) / float(w) : 0.5625f;
        const float h = std::floor(std::min(width * aspect, width * 1.5f));
        const ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, h));
        ui::picture(ctx, block.url, block.thumb_url, min, ImVec2(min.x + width, min.y + h),
                    static_cast<int>(width * 2));
        if (!block.alt.empty())
          ui::paragraph(ctx, (id + ".alt").c_str(), block.alt.c_str(), ui::Theme::kMutedText);
        break;
      }
    }
  }
}

void NewsArticle::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("tile.news"), /*is_home=*/false);
  if (std::exchange(scroll_to_top_, false)) ImGui::SetScrollY(0);  // the pages share one scroller
  if (offline_copy_) ui::status_banner(ctx, "news.offline_copy", ctx.t("news.offline_copy"));
  if (!article_) {
    const char* text = missing_                  ? ctx.t("news.not_found")
                       : not_saved_              ? ctx.t("news.not_offline")
                       : !error_.message.empty() ? error_.message.c_str()
                                                 : ctx.t("common.loading");
    ui::paragraph(ctx, "news.article.status", text, ui::Theme::kMutedText);
    ui::end_page(ctx);
    return;
  }
  const state::Article& a = *article_;
  const float width = page.column_width;
  if (!a.cover_url.empty() || !a.cover_thumb.empty()) {
    const float h = std::floor(width * 0.5625f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, h));
    ui::picture(ctx, a.cover_url, a.cover_thumb, min, ImVec2(min.x + width, min.y + h),
                static_cast<int>(width * 2));
  }
  ui::heading(ctx, "news.article.title", a.title.c_str(), 1);
  std::string meta = state::format_date_vi(a.published_at);
  if (!a.category_name.empty()) meta = a.category_name + (meta.empty() ? "" : " · " + meta);
  if (!a.source.empty())
    meta += std::string(meta.empty() ? "" : " · ") + ctx.t("news.source") + ": " + a.source;
  if (!meta.empty()) ui::paragraph(ctx, "news.article.meta", meta.c_str(), ui::Theme::kMutedText);
  if (!a.summary.empty()) {
    ImGui::PushFont(ctx.theme.bold);
    ui::paragraph(ctx, "news.article.summary", a.summary.c_str());
    ImGui::PopFont();
  }
  draw_body(ctx, width);
  ImGui::Dummy(ImVec2(0, 8));
  if (!share_notice_.empty()) ui::status_banner(ctx, "news.share_notice", share_notice_.c_str());
  if (ui::button(ctx, "news.share", ctx.t("news.share"), ui::ButtonKind::kPrimary, width) &&
      share_.empty()) {
    share_notice_.clear();
    share_ =
        ctx.replies.expect(platform::share::share(a.title, core::route_hash(ctx.nav.current())));
  }
  if (!a.url.empty() && (a.url.starts_with("https://") || a.url.starts_with("http://"))) {
    if (ui::link(ctx, "news.original", ctx.t("news.original"), a.url))
      platform::redirect::open_in_new_tab(a.url);
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
