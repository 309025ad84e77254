#include "app/screens/directory_detail.h"

#include <imgui.h>

#include "app/platform/redirect.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
const char* kind_label(const std::string& kind) {
  if (kind == "department") return "directory.kind_department";
  if (kind == "police") return "directory.kind_police";
  if (kind == "commune") return "directory.kind_commune";
  if (kind == "ward") return "directory.kind_ward";
  return "directory.kind_emergency";
}

namespace {

// A labelled line of text, skipped when empty.
void field(AppContext& ctx, const std::string& id, const char* label, const std::string& value) {
  if (value.empty()) return;
  ui::paragraph(ctx, (id + ".label").c_str(), label, ui::Theme::kMutedText);
  ui::paragraph(ctx, id.c_str(), value.c_str());
}

void open_link(AppContext& ctx, const std::string& id, const std::string& label,
               const std::string& href) {
  if (ui::link(ctx, id.c_str(), label.c_str(), href)) platform::redirect::go_to(href);
}

}  // namespace

void draw_phones(AppContext& ctx, const core::DirectoryRecord& r) {
  if (r.phones.empty()) {
    ui::paragraph(ctx, ("directory.no_phone." + r.code).c_str(), ctx.t("directory.no_phone"),
                  ui::Theme::kMutedText);
    return;
  }
  for (std::size_t i = 0; i < r.phones.size(); ++i) {
    open_link(ctx, "directory.phone." + r.code + "." + std::to_string(i),
              core::format_phone(r.phones[i]), "tel:" + r.phones[i]);
  }
}

void DirectoryDetail::draw(AppContext& ctx, state::DirectoryBook& book, const std::string& code) {
  if (code != shown_) {
    shown_ = code;
    map_open_ = false;
    form_.close();
  }
  const core::DirectoryRecord* r = book.find(code);
  const ui::Page page =
      ui::begin_page(ctx, r ? r->name.c_str() : ctx.t("tile.directory"), /*is_home=*/false);
  const float width = page.column_width;
  if (!r) {
    const char* text =
        book.loading() || !book.has_data() ? ctx.t("common.loading") : ctx.t("directory.not_found");
    ui::status_banner(ctx, "directory.detail_status", text);
    ui::end_page(ctx);
    return;
  }
  if (form_.is_open()) {
    form_.draw(ctx, book, width);
    ui::end_page(ctx);
    return;
  }
  ui::heading(ctx, "directory.detail_name", r->name.c_str(), 2);
  ui::paragraph(ctx, "directory.detail_kind", ctx.t(kind_label(r->kind)), ui::Theme::kMutedText);
  field(ctx, "directory.detail_address", ctx.t("directory.address"), r->address);
  ui::paragraph(ctx, "directory.detail_phones", ctx.t("directory.phones"), ui::Theme::kMutedText);
  draw_phones(ctx, *r);
  if (!r->email.empty()) {
    ui::paragraph(ctx, "directory.detail_email", ctx.t("directory.email"), ui::Theme::kMutedText);
    open_link(ctx, "directory.email_link", r->email, "mailto:" + r->email);
  }
  if (!r->website.empty()) {
    ui::paragraph(ctx, "directory.detail_website", ctx.t("directory.website"),
                  ui::Theme::kMutedText);
    open_link(ctx, "directory.website_link", r->website, r->website);
  }
  field(ctx, "directory.detail_hours", ctx.t("directory.hours"), r->hours);
  field(ctx, "directory.detail_note", ctx.t("directory.note"), r->note);
  ImGui::Dummy(ImVec2(0, 8));
  if (r->location) {
    const char* label = map_open_ ? ctx.t("directory.hide_map") : ctx.t("directory.map");
    if (ui::button(ctx, "directory.map", label, ui::ButtonKind::kSecondary, width))
      map_open_ = !map_open_;
    if (map_open_) {
      ctx.overlays.map("directory.map_view", 280.0f,
                       platform::map::View{r->location->lat, r->location->lng, 16});
    }
  }
  if (ctx.session.user() && ctx.session.user()->admin()) {
    ImGui::Dummy(ImVec2(0, 4));
    if (ui::button(ctx, "directory.edit", ctx.t("directory.edit"), ui::ButtonKind::kPrimary, width))
      form_.open(*r);
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
