#include "app/screens/news.h"

#include <string>
#include <utility>
#include <vector>

#include "app/platform/inbox.h"
#include "app/ui/news_card.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr double kSearchDelay = 0.4;  // seconds after the last keystroke

}  // namespace

void News::on_enter(AppContext& ctx) {
  auto& news = ctx.news;
  restore_scroll_ = true;
  // Back from an article: the list stays where it was; otherwise show the newest.
  if (!news.list.loaded() && !news.list.loading()) news.list.refresh(ctx.api, query_, "");
  if (news.categories.empty() && !news.categories_call.waiting())
    news.categories_call.start(ctx.api, "GET", "/api/v1/news/categories");
}

void News::draw_official_tools(AppContext& ctx, float width) {
  const float gap = 8;
  const float w = (width - gap) / 2;
  if (ui::button(ctx, "news.publish", ctx.t("news.publish"), ui::ButtonKind::kPrimary, w))
    ctx.nav.go({core::Screen::kNewsEditor, ""});
  ImGui::SameLine(0, gap);
  if (ui::button(ctx, "news.manage", ctx.t("news.manage"), ui::ButtonKind::kSecondary, w))
    ctx.nav.go({core::Screen::kNewsManage, ""});
  if (ui::button(ctx, "news.alert", ctx.t("news.alert.new"), ui::ButtonKind::kSecondary, width))
    ctx.nav.go({core::Screen::kAlertEditor, ""});
}

void News::draw_filters(AppContext& ctx, float width) {
  auto& news = ctx.news;
  if (ui::text_field(ctx, "news.search", ctx.t("news.search"), query_,
                     {.placeholder = ctx.t("news.search_hint"), .input = "text"})) {
    search_at_ = ImGui::GetTime() + kSearchDelay;
    platform::request_wake_after(kSearchDelay + 0.05);
  }
  if (!news.categories.empty()) {
    std::vector<std::string> options{ctx.t("news.all_categories")};
    for (const auto& c : news.categories) options.push_back(c.name);
    if (ui::combo(ctx, "news.category", ctx.t("news.category"), category_, options,
                  ctx.t("news.all_categories")))
      search_at_ = ImGui::GetTime();
  }
  if (search_at_ >= 0 && ImGui::GetTime() >= search_at_) {
    search_at_ = -1;
    const std::string code = category_ > 0 && category_ <= static_cast<int>(news.categories.size())
                                 ? news.categories[category_ - 1].code
                                 : "";
    if (query_ != news.list.query() || code != news.list.category())
      news.list.refresh(ctx.api, query_, code);
  }
  const bool busy = news.list.loading();
  if (ui::button(ctx, "news.refresh", busy ? ctx.t("common.loading") : ctx.t("news.refresh"),
                 ui::ButtonKind::kSecondary, width) &&
      !busy)
    news.list.refresh(ctx.api);
}

void News::draw(AppContext& ctx) {
  auto& list = ctx.news.list;
  ui::Page page = ui::begin_page(ctx, ctx.t("tile.news"), /*is_home=*/false);
  // The pages share one scrolling area: come back to where the list was.
  if (std::exchange(restore_scroll_, false)) ImGui::SetScrollY(scroll_y_);
  scroll_y_ = ImGui::GetScrollY();
  if (ctx.scroller.pull() > 0) {
    const bool enough = ctx.scroller.pull() >= ui::TouchScroller::kPullToRefresh;
    ui::paragraph(ctx, "news.pull", enough ? ctx.t("news.pull_release") : ctx.t("news.refresh"),
                  ui::Theme::kMutedText);
  }
  if (ctx.scroller.pull_released() && !list.loading()) list.refresh(ctx.api);
  if ((ctx.session.user() && ctx.session.user()->official()))
    draw_official_tools(ctx, page.column_width);
  draw_filters(ctx, page.column_width);

  if (list.offline_copy())
    ui::status_banner(ctx, "news.offline_copy", ctx.t("news.offline_copy"));
  else if (!list.error().message.empty() && !ctx.connectivity.offline())
    ui::status_banner(ctx, "news.error", list.error().message.c_str());

  if (!list.loaded() && list.loading())
    ui::paragraph(ctx, "news.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  else if (list.loaded() && list.items().empty())
    ui::paragraph(ctx, "news.empty", ctx.t(list.query().empty() ? "news.empty" : "news.no_results"),
                  ui::Theme::kMutedText);

  for (const auto& article : list.items())
    if (ui::news_card(ctx, article, page.column_width))
      ctx.nav.go({core::Screen::kNewsArticle, article.id});

  // Infinite scroll: the next page is asked for while about a screen of cards is still left.
  // The scroll range is last frame's, so only once the cards shown now were laid out then.
  const size_t shown = list.items().size();
  if (list.has_more() && shown == laid_out_ &&
      ImGui::GetScrollY() + ImGui::GetWindowHeight() * 2 >= ImGui::GetScrollMaxY())
    list.load_more(ctx.api);
  laid_out_ = shown;
  if (list.loading_more())
    ui::paragraph(ctx, "news.loading_more", ctx.t("news.loading_more"), ui::Theme::kMutedText);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
