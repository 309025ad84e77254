#include "app/screens/admin_jobs.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/json_read.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

constexpr int kPageSize = 20;

// A kind the app knows has a name in the translations ("admin.jobs.kind.<kind>"); another one
// (a newer server's) shows as the server names it.
std::string kind_name(AppContext& ctx, const std::string& kind) {
  const std::string key = "admin.jobs.kind." + kind;
  const char* name = ctx.t(key);
  return std::strcmp(name, key.c_str()) == 0 ? kind : std::string(name);
}

}  // namespace

void AdminJobs::on_enter(AppContext& ctx) {
  jobs_.clear();
  next_cursor_.clear();
  loaded_ = false;
  retrying_ = 0;
  error_ = {};
  notice_.clear();
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx, false);
}

void AdminJobs::load(AppContext& ctx, bool more) {
  if (list_.waiting()) return;
  if (!more) next_cursor_.clear();
  std::string path = "/api/v1/admin/jobs?status=dead&limit=" + std::to_string(kPageSize);
  if (more && !next_cursor_.empty()) path += "&cursor=" + next_cursor_;  // "j<id>": URL-safe
  list_.start(ctx.api, "GET", path);
  list_more_ = more;
}

void AdminJobs::take_answers(AppContext& ctx) {
  if (auto answer = list_.poll(ctx.api)) {
    loaded_ = true;
    if (!answer->ok()) {
      error_ = api::error_of(*answer);
    } else {
      const auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
      if (!list_more_) jobs_.clear();
      next_cursor_ = core::json_read::text(body, "next_cursor");
      if (const auto* list = core::json_read::member(body, "jobs"); list && list->is_array())
        for (const auto& j : *list) {
          namespace read = core::json_read;
          const long long queued = read::optional_integer(j, "created_at").value_or(0);
          jobs_.push_back({read::optional_integer(j, "id").value_or(0), read::text(j, "kind"),
                           static_cast<int>(read::optional_integer(j, "attempts").value_or(0)),
                           read::text(j, "last_error"),
                           read::optional_integer(j, "last_attempt_at").value_or(queued),
                           !j.contains("retryable") || read::flag(j, "retryable")});
        }
    }
  }
  if (auto answer = retry_.poll(ctx.api)) {
    if (!answer->ok()) {
      error_ = api::error_of(*answer);
    } else {
      char text[128];
      std::snprintf(text, sizeof text, ctx.t("admin.jobs.retried"), retrying_);
      notice_ = text;
      // It is due again: it left the dead-letter list.
      std::erase_if(jobs_, [&](const Job& job) { return job.id == retrying_; });
    }
    retrying_ = 0;
  }
}

void AdminJobs::draw_job(AppContext& ctx, const Job& job, float width) {
  const std::string id = "admin.jobs." + std::to_string(job.id);
  char text[512];
  std::snprintf(text, sizeof text, ctx.t("admin.jobs.heading"), kind_name(ctx, job.kind).c_str(),
                job.id);
  ui::heading(ctx, id.c_str(), text, 3);
  std::snprintf(text, sizeof text, ctx.t("admin.jobs.attempts"), job.attempts,
                core::vietnam_date_time_text(job.at).c_str());
  ui::paragraph(ctx, (id + ".attempts").c_str(), text, ui::Theme::kMutedText);
  const std::string error =
      std::string(ctx.t("admin.jobs.last_error")) + ": " +
      (job.last_error.empty() ? ctx.t("admin.jobs.no_error") : job.last_error);
  ui::paragraph(ctx, (id + ".error").c_str(), error.c_str(), ui::Theme::kError);
  if (!job.retryable) {
    ui::paragraph(ctx, (id + ".not_retryable").c_str(), ctx.t("admin.jobs.not_retryable"),
                  ui::Theme::kMutedText);
    ImGui::Dummy(ImVec2(0, 8));
    return;
  }
  std::snprintf(text, sizeof text, ctx.t("admin.jobs.retry_name"), job.id);
  if (ui::button(ctx, (id + ".retry").c_str(), ctx.t("admin.jobs.retry"), text,
                 ui::ButtonKind::kSecondary, width) &&
      !retry_.waiting()) {
    retrying_ = job.id;
    error_ = {};
    notice_.clear();
    retry_.start(ctx.api, "POST", "/api/v1/admin/jobs/" + std::to_string(job.id) + "/retry");
  }
  ImGui::Dummy(ImVec2(0, 8));
}

void AdminJobs::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.jobs.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !list_.waiting()) load(ctx, false);  // a deep link that came before /me
  ui::paragraph(ctx, "admin.jobs.intro", ctx.t("admin.jobs.intro"), ui::Theme::kMutedText);
  if (ui::button(ctx, "admin.jobs.reload", ctx.t("admin.jobs.reload"), ui::ButtonKind::kSecondary,
                 page.column_width))
    load(ctx, false);
  if (!notice_.empty()) ui::status_banner(ctx, "admin.jobs.notice", notice_.c_str());
  if (!error_.message.empty()) ui::status_banner(ctx, "admin.jobs.error", error_.message.c_str());
  ImGui::Dummy(ImVec2(0, 8));
  if (!loaded_) {
    ui::paragraph(ctx, "admin.jobs.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  } else if (jobs_.empty()) {
    ui::paragraph(ctx, "admin.jobs.none", ctx.t("admin.jobs.none"), ui::Theme::kMutedText);
  }
  for (const Job& job : jobs_) draw_job(ctx, job, page.column_width);
  if (!next_cursor_.empty() && ui::button(ctx, "admin.jobs.more", ctx.t("admin.officials.more"),
                                          ui::ButtonKind::kSecondary, page.column_width))
    load(ctx, true);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
