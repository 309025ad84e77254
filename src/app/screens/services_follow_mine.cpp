#include "app/screens/services_follow_mine.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_follow_ui.h"
#include "app/state/outbox.h"
#include "app/ui/dossier_view.h"
#include "app/ui/widgets.h"
#include "core/dossier.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

constexpr int kPageSize = 20;

std::string status_code(int index) {
  const auto statuses = core::dossier_statuses();
  return index > 0 && index <= static_cast<int>(statuses.size())
             ? std::string(statuses[index - 1].code)
             : std::string();
}

}  // namespace

std::string ServicesFollowMine::path(const std::string& cursor) const {
  std::string p = "/api/v1/dossiers/mine?limit=" + std::to_string(kPageSize);
  if (const auto status = status_code(status_); !status.empty()) p += "&status=" + status;
  if (!cursor.empty()) p += "&cursor=" + cursor;  // opaque keyset cursor: nothing to encode
  return p;
}

void ServicesFollowMine::enter(AppContext& ctx) {
  owner_ = ctx.session.owner();
  items_ = nlohmann::json::array();
  next_cursor_.clear();
  error_.clear();
  loaded_ = from_cache_ = false;
  more_.reset();
  list_.reset();
  sent_seen_ = ctx.outbox.sent_count();
  cache_.open(owner_, ctx.replies);
  if (ctx.session.user()) list_.start(ctx, "GET", path(""));
}

void ServicesFollowMine::take(AppContext& ctx, payments_ui::TimedCall& call, bool append) {
  auto r = call.poll(ctx);
  if (!r) return;
  const auto body = nlohmann::json::parse(r->body, nullptr, false);
  if (!r->ok() || !body.is_object()) {
    error_ = call.error_text(ctx, *r);
    return;
  }
  if (!append) {
    items_ = nlohmann::json::array();
    if (status_ == 0) cache_.keep(owner_, r->body);  // the page shown offline: every status
    from_cache_ = false;
  }
  for (const auto& item : feedback_ui::member(body, "items")) items_.push_back(item);
  next_cursor_ = api::str(body, "next_cursor");
  loaded_ = true;
  error_.clear();
}

// Dossiers filed without signal wait in the outbox (kind "dossier") until they reach the server.
void ServicesFollowMine::draw_waiting(AppContext& ctx) {
  int i = 0;
  for (const auto* item : ctx.outbox.waiting(owner_, "dossier")) {
    const std::string id = "services.follow.waiting." + std::to_string(i++);
    std::string title = api::str(item->form, "procedure_name");
    if (title.empty()) title = ctx.t("services.follow.waiting_title");
    feedback_ui::card(ctx, id.c_str(), title, ctx.t("services.follow.waiting"));
  }
}

void ServicesFollowMine::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_ || ctx.outbox.sent_count() != sent_seen_ ||
      (ctx.session.user() && !loaded_ && !list_.waiting() && error_.empty()))
    enter(ctx);  // another account's list is never shown; a dossier just sent appears
  if (!services_follow_ui::require_account(ctx)) return;
  take(ctx, list_, false);
  take(ctx, more_, true);
  if (auto kept = cache_.take(ctx.replies); kept && !loaded_) {
    const auto body = nlohmann::json::parse(*kept, nullptr, false);
    if (feedback_ui::member(body, "items").is_array() && status_ == 0) {
      items_ = feedback_ui::member(body, "items");
      loaded_ = from_cache_ = true;  // no "Xem thêm" from the copy: the server pages it
    }
  }
  std::vector<std::string> statuses = {ctx.t("services.follow.all_statuses")};
  for (const auto& s : core::dossier_statuses()) statuses.push_back(ctx.t(s.label_key));
  if (ui::combo(ctx, "services.follow.status_filter", ctx.t("services.follow.status_filter"),
                status_, statuses)) {
    items_ = nlohmann::json::array();
    next_cursor_.clear();
    loaded_ = from_cache_ = false;
    more_.reset();
    list_.start(ctx, "GET", path(""));
  }
  draw_waiting(ctx);
  if (!error_.empty() &&
      payments_ui::error_with_retry(ctx, "services.follow.mine_error",
                                    from_cache_ ? ctx.t("services.follow.offline_copy") : error_,
                                    true, width)) {
    error_.clear();
    if (loaded_ && !from_cache_)
      more_.start(ctx, "GET", path(next_cursor_));
    else
      list_.start(ctx, "GET", path(""));
  }
  if (!loaded_) {
    if (list_.waiting())
      ui::paragraph(ctx, "services.follow.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  if (items_.empty())
    ui::paragraph(ctx, "services.follow.mine_empty", ctx.t("services.follow.mine_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& d : items_) {
    const std::string id = "services.follow.dossier." + std::to_string(i++);
    const std::string code = api::str(d, "code");
    const std::string title = api::str(feedback_ui::member(d, "procedure"), "name");
    std::string line = code + " · " + ui::DossierView::status_label(ctx, api::str(d, "status"));
    const std::string due = ui::DossierView::time_text(api::str(d, "due_at"));
    if (!due.empty()) line += " · " + std::string(ctx.t("services.follow.due_short")) + " " + due;
    const bool overdue = api::boolean(d, "overdue");
    if (overdue) line += " · " + std::string(ctx.t("services.follow.overdue"));
    if (feedback_ui::card(ctx, id.c_str(), title, line, overdue))
      ctx.nav.go(core::services_route(core::ServicesPage::kDossier, code));
  }
  if (more_.waiting()) {
    ui::paragraph(ctx, "services.follow.more_loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (!next_cursor_.empty() && !from_cache_ &&
             ui::button(ctx, "services.follow.more", ctx.t("services.follow.more"),
                        ui::ButtonKind::kSecondary, width)) {
    more_.start(ctx, "GET", path(next_cursor_));
  }
}

}  // namespace cdscb::app::screens
