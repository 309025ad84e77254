#include "app/screens/admin_fields.h"

#include <imgui.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void AdminFields::on_enter(AppContext& ctx) {
  error_ = {};
  fields_.clear();
  loaded_ = false;
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx);
}

void AdminFields::load(AppContext& ctx) {
  if (!call_.waiting()) call_.start(ctx.api, "GET", "/api/v1/admin/feedback-fields");
}

void AdminFields::take_answer(AppContext& ctx) {
  auto items = take_list(ctx, call_, "fields", loaded_, error_);
  if (!items) return;
  fields_.clear();
  for (const auto& f : *items) {
    const nlohmann::json agency =
        f.is_object() && f.contains("agency") ? f["agency"] : nlohmann::json();
    fields_.push_back({api::str(f, "code"), api::str(f, "name"), api::str(agency, "name"),
                       static_cast<int>(api::integer(f, "answer_days")),
                       api::boolean(f, "publish_by_default")});
  }
}

void AdminFields::draw(AppContext& ctx) {
  take_answer(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.fields.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  // The user may arrive after the screen (a deep link while /me was on its way).
  if (!loaded_ && !call_.waiting()) load(ctx);
  ui::paragraph(ctx, "admin.fields.intro", ctx.t("admin.fields.intro"), ui::Theme::kMutedText);
  if (ui::button(ctx, "admin.fields.new", ctx.t("admin.fields.new"), ui::ButtonKind::kPrimary,
                 page.column_width))
    ctx.nav.go({core::Screen::kFeedbackFieldEdit, ""});
  if (!error_.message.empty()) ui::status_banner(ctx, "admin.fields.error", error_.message.c_str());
  ImGui::Dummy(ImVec2(0, 8));
  if (!loaded_) {
    ui::paragraph(ctx, "admin.fields.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  } else if (fields_.empty() && error_.message.empty()) {
    ui::paragraph(ctx, "admin.fields.none", ctx.t("admin.fields.none"), ui::Theme::kMutedText);
  }
  char text[256];
  for (const Field& field : fields_) {
    const std::string id = "admin.fields.row." + field.code;
    ui::heading(ctx, id.c_str(), field.name.c_str(), 3);
    ui::paragraph(ctx, (id + ".agency").c_str(), field.agency_name.c_str(), ui::Theme::kMutedText);
    std::snprintf(text, sizeof text, ctx.t("admin.fields.days"), field.answer_days);
    std::string details =
        std::string(text) + " · " +
        ctx.t(field.publish_by_default ? "admin.fields.published" : "admin.fields.not_published");
    ui::paragraph(ctx, (id + ".details").c_str(), details.c_str(), ui::Theme::kMutedText);
    std::snprintf(text, sizeof text, ctx.t("admin.fields.edit"), field.name.c_str());
    if (ui::button(ctx, (id + ".edit").c_str(), text, ui::ButtonKind::kSecondary,
                   page.column_width))
      ctx.nav.go({core::Screen::kFeedbackFieldEdit, field.code});
    ImGui::Dummy(ImVec2(0, 6));
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
