#include "app/screens/official_new.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/roles.h"

namespace cdscb::app::screens {
namespace {

constexpr core::Role kRoles[] = {core::Role::kOfficer, core::Role::kAdmin};

}  // namespace

void OfficialNew::on_enter(AppContext& ctx) {
  role_ = 0;
  agency_.clear();
  full_name_.clear();
  phone_.clear();
  password_.clear();
  error_ = {};
  created_.clear();
  agencies_.refresh(ctx.api, ctx.replies);
}

void OfficialNew::take_answer(AppContext& ctx) {
  auto answer = create_.poll(ctx.api);
  if (!answer) return;
  if (!answer->ok()) {
    error_ = api::error_of(*answer);
    return;
  }
  const auto user = state::user_from_json(answer->body);
  on_enter(ctx);  // an empty form for the next one
  created_ = user ? user->full_name : std::string();
}

void OfficialNew::submit(AppContext& ctx) {
  error_ = {};
  created_.clear();
  nlohmann::json body = {{"role", core::role_name(kRoles[role_ == 1 ? 1 : 0])},
                         {"full_name", full_name_},
                         {"phone", phone_},
                         {"password", password_}};
  if (!agency_.empty()) body["agency"] = agency_;
  create_.start(ctx.api, "POST", "/api/v1/admin/users", body.dump());
}

void OfficialNew::draw(AppContext& ctx) {
  take_answer(ctx);
  agencies_.take(ctx.api, ctx.replies);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.new.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx)) return;
  if (!created_.empty()) {
    const std::string notice = std::string(ctx.t("admin.new.created")) + " " + created_ + ".";
    ui::status_banner(ctx, "admin.new.created", notice.c_str());
  }
  ui::paragraph(ctx, "admin.new.intro", ctx.t("admin.new.intro"), ui::Theme::kMutedText);
  const std::vector<std::string> roles = {ctx.t("admin.role.officer"), ctx.t("admin.role.admin")};
  ui::combo(ctx, "admin.new.role", ctx.t("admin.new.role"), role_, roles, ctx.t("profile.choose"),
            error_.field("role"));
  ui::text_field(ctx, "admin.new.name", ctx.t("account.full_name"), full_name_,
                 {.input = "name", .error = error_.field("full_name")});
  ui::text_field(ctx, "admin.new.phone", ctx.t("account.phone"), phone_,
                 {.placeholder = "09xx xxx xxx", .input = "tel", .error = error_.field("phone")});
  const char* agency_label = ctx.t(role_ == 1 ? "admin.new.agency_optional" : "admin.new.agency");
  int agency = agencies_.index_of(agency_);
  ui::combo(ctx, "admin.new.agency", agency_label, agency, agencies_.names(),
            ctx.t("profile.choose"), error_.field("agency"));
  agency_ = agencies_.code_at(agency);
  ui::text_field(ctx, "admin.new.password", ctx.t("admin.new.password"), password_,
                 {.placeholder = ctx.t("register.password_hint"),
                  .input = "new-password",
                  .error = error_.field("password")});
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "admin.new.error", error_.message.c_str());
  const bool busy = create_.waiting();
  if (ui::button(ctx, "admin.new.submit", ctx.t("admin.new.submit"), ui::ButtonKind::kPrimary,
                 page.column_width) &&
      !busy)
    submit(ctx);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
