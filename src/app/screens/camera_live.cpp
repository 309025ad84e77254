#include "app/screens/camera_live.h"

#include <imgui.h>

#include "app/platform/inbox.h"
#include "app/platform/video.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kVideoId = "camera.live";
// While the stream is down, how often the camera's record is read again (an admin may have put
// it in maintenance: then the player stops trying).
constexpr double kRecheckSeconds = 15;

}  // namespace

void CameraLive::enter(AppContext& ctx, const std::string& code) {
  if (code != code_) {
    camera_.reset();
    paused_ = bridge_paused_ = false;
  }
  code_ = code;
  error_ = {};
  data_saver_ = platform::video::prefers_data_saver();
  call_.start(ctx.api, "GET", "/api/v1/cameras/" + code);
}

void CameraLive::take_answers(AppContext& ctx) {
  ctx.replies.take(ctx.replies.expect(std::string("video-state:") + kVideoId));
  auto r = call_.poll(ctx.api);
  if (!r) return;
  if (r->ok()) {
    camera_ = camera_from_json(nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false));
    error_ = {};
  } else {
    error_ = api::error_of(*r);
    if (r->status == 404) camera_.reset();
  }
}

void CameraLive::draw_live_badge(AppContext& ctx) {
  const char* text = ctx.t("camera.live");
  const ImVec2 size = ImGui::CalcTextSize(text);
  const float dot = size.y * 0.5f;
  ImGui::Dummy(ImVec2(size.x + dot + 24, size.y + 8));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, IM_COL32(198, 40, 40, 255), 6);
  d->AddCircleFilled(ImVec2(min.x + 8 + dot / 2, (min.y + max.y) / 2), dot / 2, IM_COL32_WHITE);
  d->AddText(ImVec2(min.x + 14 + dot, min.y + 4), IM_COL32_WHITE, text);
  ui::mirror_last_item(ctx, {.id = "camera.live_badge", .role = ui::Role::kText, .name = text});
}

void CameraLive::draw_player(AppContext& ctx, const CameraInfo& c, float width) {
  const platform::video::State state = platform::video::state(kVideoId);
  // The browser's own controls may have paused or resumed it: follow each change it reports
  // (its state lags the app's own buttons by a frame, so only changes count).
  if (state.paused != bridge_paused_) {
    bridge_paused_ = state.paused;
    paused_ = state.paused;
  }
  if (state.playing && !state.offline && !paused_) draw_live_badge(ctx);
  ctx.overlays.video(kVideoId, width * 9 / 16, c.live,
                     {.label = c.name,
                      .offline_text = ctx.t("camera.offline_notice"),
                      .data_saver = data_saver_,
                      .paused = paused_});
  if (state.offline) {
    ui::status_banner(ctx, "camera.offline", ctx.t("camera.offline_notice"));
    ui::paragraph(ctx, "camera.retrying", ctx.t("camera.retrying"), ui::Theme::kMutedText);
    const double now = ImGui::GetTime();
    if (recheck_at_ == 0) recheck_at_ = now + kRecheckSeconds;
    if (now >= recheck_at_ && !call_.waiting()) {
      recheck_at_ = now + kRecheckSeconds;
      call_.start(ctx.api, "GET", "/api/v1/cameras/" + code_);
    }
    platform::request_wake_after(kRecheckSeconds);
  } else {
    recheck_at_ = 0;
  }
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ui::button(ctx, "camera.pause", ctx.t(paused_ ? "camera.play" : "camera.pause"),
                 ui::ButtonKind::kPrimary, half))
    paused_ = !paused_;
  ImGui::SameLine();
  if (ui::button(ctx, "camera.fullscreen", ctx.t("camera.fullscreen"), ui::ButtonKind::kSecondary,
                 half))
    platform::video::fullscreen(kVideoId);
  ImGui::Dummy(ImVec2(0, 4));
  ui::heading(ctx, "camera.quality", ctx.t("camera.quality"), 2);
  if (ui::button(ctx, "camera.quality_auto", ctx.t("camera.quality_auto"),
                 ui::ButtonKind::kSecondary, half, !data_saver_))
    data_saver_ = false;
  ImGui::SameLine();
  if (ui::button(ctx, "camera.quality_saver", ctx.t("camera.quality_saver"),
                 ui::ButtonKind::kSecondary, half, data_saver_))
    data_saver_ = true;
  if (state.height > 0) {
    const std::string shown =
        std::string(ctx.t("camera.rendition")) + " " + std::to_string(state.height) + "p";
    ui::paragraph(ctx, "camera.rendition", shown.c_str(), ui::Theme::kMutedText);
  }
}

void CameraLive::draw(AppContext& ctx) {
  take_answers(ctx);
  const char* title = camera_ ? camera_->name.c_str() : ctx.t("tile.cameras");
  const ui::Page page = ui::begin_page(ctx, title, /*is_home=*/false);
  const float width = page.column_width;
  if (!camera_) {
    const char* text = error_.message.empty() ? ctx.t("common.loading") : error_.message.c_str();
    ui::status_banner(ctx, "camera.status", text);
    ui::end_page(ctx);
    return;
  }
  const CameraInfo& c = *camera_;
  if (c.status == "maintenance") {
    ui::status_banner(ctx, "camera.maintenance", ctx.t("camera.maintenance_notice"));
  } else {
    draw_player(ctx, c, width);
  }
  ImGui::Dummy(ImVec2(0, 6));
  ui::heading(ctx, "camera.name", c.name.c_str(), 2);
  camera_status(ctx, "camera.state", c.status);
  std::string about = c.place;
  if (!c.commune_name.empty()) about += (about.empty() ? "" : " · ") + c.commune_name;
  if (const char* kind = camera_kind_label(ctx, c.kind); *kind) about += " · " + std::string(kind);
  ui::paragraph(ctx, "camera.about", about.c_str(), ui::Theme::kMutedText);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
