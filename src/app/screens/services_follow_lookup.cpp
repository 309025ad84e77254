#include "app/screens/services_follow_lookup.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/dossier_view.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

void ServicesFollowLookup::enter(AppContext& ctx, const std::string& code) {
  code_ = code;
  code_error_.clear();
  error_.clear();
  found_ = nullptr;
  call_ = {};
  if (!code_.empty()) search(ctx);
}

void ServicesFollowLookup::search(AppContext& ctx) {
  code_ = trimmed(code_);
  found_ = nullptr;
  error_.clear();
  code_error_ = code_.empty() ? ctx.t("services.follow.lookup_code_needed") : "";
  if (!code_.empty())
    call_.start(ctx.api, "GET", "/api/v1/dossiers/lookup/" + state::url_encode(code_));
}

void ServicesFollowLookup::draw(AppContext& ctx, float width) {
  if (auto r = call_.poll(ctx.api)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && body.is_object())
      found_ = body;
    else if (r->status == 404)
      error_ = ctx.t("services.follow.lookup_not_found");
    else if (r->status == 429)
      error_ = ctx.t("services.follow.lookup_too_many");
    else
      error_ = api::error_of(*r).message;
  }
  ui::paragraph(ctx, "services.follow.lookup_intro", ctx.t("services.follow.lookup_intro"),
                ui::Theme::kMutedText);
  ui::text_field(ctx, "services.follow.lookup_code", ctx.t("services.follow.lookup_code"), code_,
                 {.placeholder = ctx.t("services.follow.lookup_code_hint"), .error = code_error_});
  if (call_.waiting()) {
    ui::paragraph(ctx, "services.follow.lookup_waiting", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (ui::button(ctx, "services.follow.lookup", ctx.t("services.follow.lookup"),
                        ui::ButtonKind::kPrimary, width)) {
    search(ctx);
  }
  if (!error_.empty()) ui::status_banner(ctx, "services.follow.lookup_error", error_.c_str());
  if (!found_.is_object()) return;
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "services.follow.lookup_result", ctx.t("services.follow.lookup_result"), 2);
  ui::fact(ctx, "lookup.code", ctx.t("services.follow.code"), api::str(found_, "code"));
  ui::fact(ctx, "lookup.status", ctx.t("services.follow.status"),
           ui::DossierView::status_label(ctx, api::str(found_, "status")));
  ui::fact(ctx, "lookup.procedure", ctx.t("services.follow.procedure"),
           api::str(feedback_ui::member(found_, "procedure"), "name"));
  ui::fact(ctx, "lookup.agency", ctx.t("services.follow.agency"),
           api::str(feedback_ui::member(found_, "agency"), "name"));
  ui::fact(ctx, "lookup.applicant", ctx.t("services.follow.applicant"),
           api::str(found_, "applicant"));
  ui::fact(ctx, "lookup.received", ctx.t("services.follow.received"),
           ui::DossierView::time_text(api::str(found_, "received_at")));
  ui::fact(ctx, "lookup.due", ctx.t("services.follow.due"),
           ui::DossierView::time_text(api::str(found_, "due_at")));
}

}  // namespace cdscb::app::screens
