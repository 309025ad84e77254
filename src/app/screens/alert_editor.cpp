#include "app/screens/alert_editor.h"

#include <array>
#include <string>
#include <vector>

#include "app/state/alerts.h"
#include "app/state/news.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

struct Kind {
  const char* code;
  const char* label_key;
};
constexpr std::array<Kind, 4> kKinds{{{"flood", "news.alert.flood"},
                                      {"landslide", "news.alert.landslide"},
                                      {"storm", "news.alert.storm"},
                                      {"other", "news.alert.other"}}};

struct Duration {
  const char* label_key;
  int hours;
};
constexpr std::array<Duration, 6> kDurations{{{"news.alert.1h", 1},
                                              {"news.alert.3h", 3},
                                              {"news.alert.6h", 6},
                                              {"news.alert.12h", 12},
                                              {"news.alert.24h", 24},
                                              {"news.alert.72h", 72}}};

}  // namespace

void AlertEditor::take_answer(AppContext& ctx) {
  auto answer = call_.poll(ctx.api);
  if (!answer) return;
  if (answer->ok()) {
    notice_ = ctx.t("news.alert.sent");
    title_.clear();
    text_.clear();
    error_ = {};
    ctx.news.alerts.refresh(ctx.api);
  } else {
    error_ = api::error_of(*answer);
  }
}

void AlertEditor::submit(AppContext& ctx) {
  const long long expires = state::unix_now() + kDurations[expiry_].hours * 3600LL;
  nlohmann::json body{{"kind", kKinds[kind_].code},
                      {"title", title_},
                      {"text", text_},
                      {"expires_at", core::format_rfc3339(expires)}};
  notice_.clear();
  call_.start(ctx.api, "POST", "/api/v1/alerts", body.dump());
}

void AlertEditor::draw(AppContext& ctx) {
  take_answer(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("news.alert.new"), /*is_home=*/false);
  if (!(ctx.session.user() && ctx.session.user()->official())) {
    ui::paragraph(ctx, "alert.officials_only", ctx.t("news.officials_only"), ui::Theme::kMutedText);
    ui::end_page(ctx);
    return;
  }
  if (!notice_.empty()) ui::status_banner(ctx, "alert.notice", notice_.c_str());
  std::vector<std::string> kinds, durations;
  for (const Kind& k : kKinds) kinds.push_back(ctx.t(k.label_key));
  for (const Duration& d : kDurations) durations.push_back(ctx.t(d.label_key));
  ui::combo(ctx, "alert.kind", ctx.t("news.alert.kind"), kind_, kinds);
  if (kind_ < 0) kind_ = 0;
  ui::text_field(ctx, "alert.title", ctx.t("news.alert.title"), title_,
                 {.error = error_.field("title")});
  ui::text_area(ctx, "alert.text", ctx.t("news.alert.text"), text_, 4,
                {.error = error_.field("text")});
  ui::combo(ctx, "alert.expiry", ctx.t("news.alert.expiry"), expiry_, durations);
  if (expiry_ < 0) expiry_ = 2;
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "alert.error", error_.message.c_str());
  if (ui::button(ctx, "alert.submit",
                 call_.waiting() ? ctx.t("news.editor.saving") : ctx.t("news.alert.submit"),
                 ui::ButtonKind::kPrimary, page.column_width) &&
      !call_.waiting())
    submit(ctx);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
