#include "app/screens/news_manage.h"

#include "app/ui/news_card.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void NewsManage::on_enter(AppContext& ctx) {
  list_.start(ctx.api, "GET", "/api/v1/officer/news?limit=20");
  more_ = {};
}

void NewsManage::take_answers(AppContext& ctx) {
  if (auto answer = list_.poll(ctx.api)) {
    loaded_ = true;
    if (auto page = answer->ok() ? state::news_page_from_json(answer->body) : std::nullopt) {
      items_ = std::move(page->items);
      next_cursor_ = std::move(page->next_cursor);
      error_ = {};
    } else {
      error_ = api::error_of(*answer);
    }
  }
  if (auto answer = more_.poll(ctx.api)) {
    if (auto page = answer->ok() ? state::news_page_from_json(answer->body) : std::nullopt) {
      for (auto& a : page->items) items_.push_back(std::move(a));
      next_cursor_ = std::move(page->next_cursor);
    } else {
      error_ = api::error_of(*answer);
    }
  }
  for (auto it = actions_.begin(); it != actions_.end();) {
    auto answer = it->second.poll(ctx.api);
    if (!answer) {
      ++it;
      continue;
    }
    if (auto article = answer->ok() ? state::article_from_json(answer->body) : std::nullopt) {
      for (auto& item : items_)
        if (item.id == article->id) item = *article;
      ctx.news.list.refresh(ctx.api);  // citizens' list changed
    } else {
      error_ = api::error_of(*answer);
    }
    it = actions_.erase(it);
  }
}

void NewsManage::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("news.manage"), /*is_home=*/false);
  if (ui::button(ctx, "news.manage.new", ctx.t("news.publish"), ui::ButtonKind::kPrimary,
                 page.column_width))
    ctx.nav.go({core::Screen::kNewsEditor, ""});
  if (!error_.message.empty()) ui::status_banner(ctx, "news.manage.error", error_.message.c_str());
  if (!loaded_)
    ui::paragraph(ctx, "news.manage.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  else if (items_.empty())
    ui::paragraph(ctx, "news.manage.empty", ctx.t("news.manage.empty"), ui::Theme::kMutedText);
  for (const auto& a : items_) {
    const char* status = a.published ? ctx.t("news.manage.published") : ctx.t("news.manage.draft");
    if (ui::news_card(ctx, a, page.column_width, status))
      ctx.nav.go({core::Screen::kNewsArticle, a.id});
    const std::string id = "news.manage." + a.id;
    const bool busy = actions_.count(a.id) > 0;
    // Each action's accessible name says which article it acts on.
    const std::string label =
        a.published ? ctx.t("news.manage.unpublish") : ctx.t("news.manage.publish");
    ImGui::PushID(id.c_str());
    if (ui::button(ctx, (id + (a.published ? ".unpublish" : ".publish")).c_str(), label.c_str(),
                   a.published ? ui::ButtonKind::kSecondary : ui::ButtonKind::kPrimary) &&
        !busy)
      actions_[a.id].start(ctx.api, "POST",
                           "/api/v1/news/" + a.id + (a.published ? "/unpublish" : "/publish"));
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 4));
  }
  if (!next_cursor_.empty() &&
      ui::button(ctx, "news.manage.more", ctx.t("news.manage.more"), ui::ButtonKind::kSecondary,
                 page.column_width) &&
      !more_.waiting())
    more_.start(ctx.api, "GET",
                "/api/v1/officer/news?limit=20&cursor=" + state::url_encode(next_cursor_));
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
