#include "app/screens/link_vneid.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

// "1978-11-02" → "02/11/1978", the way dates are written in Vietnam; anything else as it is.
std::string vietnamese_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace

void LinkVneid::on_enter(AppContext& ctx) {
  loaded_ = false;
  has_identity_ = false;
  error_ = {};
  pending_.start(ctx.api, "GET", "/api/v1/auth/vneid/pending");
}

void LinkVneid::take_answers(AppContext& ctx) {
  if (auto answer = pending_.poll(ctx.api)) {
    loaded_ = true;
    if (!answer->ok()) {
      error_ = api::error_of(*answer);
      return;
    }
    auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    const nlohmann::json id =
        body.is_object() && body.contains("identity") ? body["identity"] : nlohmann::json();
    has_identity_ = id.is_object();
    identity_ = {api::str(id, "ho_va_ten"), api::str(id, "so_dinh_danh_masked"),
                 api::str(id, "ngay_sinh"), api::str(id, "gioi_tinh"),
                 api::str(id, "so_dien_thoai")};
  }
  if (auto answer = link_.poll(ctx.api)) {
    if (answer->ok()) {
      // Linked from Quản lý tài khoản: back there, where "Đã định danh VNeID" now shows.
      const bool was_signed_in = ctx.session.user().has_value();
      if (auto user = state::user_from_json(answer->body)) ctx.session.signed_in(*user);
      existing_password_.clear();
      current_password_.clear();
      ctx.nav.replace({was_signed_in ? core::Screen::kAccount : core::Screen::kHome, ""});
      return;
    }
    error_ = api::error_of(*answer);
  }
}

void LinkVneid::draw_identity(AppContext& ctx, float width) {
  ui::heading(ctx, "link.name", identity_.name.c_str(), 2);
  const std::string number = std::string(ctx.t("link.number")) + ": " + identity_.number_masked;
  ui::paragraph(ctx, "link.number", number.c_str(), ui::Theme::kMutedText);
  if (!identity_.birth_date.empty()) {
    const std::string born =
        std::string(ctx.t("link.birth_date")) + ": " + vietnamese_date(identity_.birth_date);
    ui::paragraph(ctx, "link.birth_date", born.c_str(), ui::Theme::kMutedText);
  }
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "link.error", error_.message.c_str());
  if (ctx.session.user()) {
    draw_link_current(ctx, width);
    return;
  }

  // A new account made from the VNeID data.
  if (identity_.phone.empty())
    ui::text_field(ctx, "link.phone", ctx.t("link.phone_optional"), phone_,
                   {.placeholder = "09xx xxx xxx", .input = "tel", .error = error_.field("phone")});
  const bool busy = link_.waiting();
  if (ui::button(ctx, "link.new", ctx.t("link.new"), ui::ButtonKind::kPrimary, width) && !busy) {
    error_ = {};
    nlohmann::json body = nlohmann::json::object();
    if (identity_.phone.empty() && !phone_.empty()) body["phone"] = phone_;
    link_.start(ctx.api, "POST", "/api/v1/auth/vneid/link/new", body.dump());
  }

  // Or the identity joins an account the citizen already has.
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "link.existing_title", ctx.t("link.existing_title"), 2);
  ui::paragraph(ctx, "link.existing_intro", ctx.t("link.existing_intro"), ui::Theme::kMutedText);
  ui::text_field(ctx, "link.existing_phone", ctx.t("account.phone"), existing_phone_,
                 {.placeholder = "09xx xxx xxx", .input = "tel"});
  ui::text_field(ctx, "link.existing_password", ctx.t("account.password"), existing_password_,
                 {.input = "password", .error = error_.field("password")});
  if (ui::button(ctx, "link.existing", ctx.t("link.existing"), ui::ButtonKind::kSecondary, width) &&
      !busy) {
    error_ = {};
    nlohmann::json body = {{"phone", existing_phone_}, {"password", existing_password_}};
    link_.start(ctx.api, "POST", "/api/v1/auth/vneid/link/existing", body.dump());
  }
}

void LinkVneid::draw_link_current(AppContext& ctx, float width) {
  const std::string intro = std::string(ctx.t("account.vneid.link_current")) + " " +
                            ctx.session.user()->full_name + " (" +
                            ctx.session.user()->phone_masked + ").";
  ui::paragraph(ctx, "link.current_intro", intro.c_str(), ui::Theme::kMutedText);
  ui::text_field(ctx, "link.current_password", ctx.t("account.password"), current_password_,
                 {.input = "password", .error = error_.field("password")});
  if (ui::button(ctx, "link.current", ctx.t("account.vneid.link"), ui::ButtonKind::kPrimary,
                 width) &&
      !link_.waiting()) {
    error_ = {};
    const nlohmann::json body = {{"password", current_password_}};
    link_.start(ctx.api, "POST", "/api/v1/auth/vneid/link/current", body.dump());
  }
}

void LinkVneid::draw(AppContext& ctx) {
  take_answers(ctx);
  const char* title = ctx.t(ctx.session.user() ? "account.vneid.link" : "link.title");
  ui::Page page = ui::begin_page(ctx, title, /*is_home=*/false);
  // Signed in or not decides what the identity joins, so wait for both answers.
  if (!loaded_ || !ctx.session.checked()) {
    ui::paragraph(ctx, "link.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  } else if (has_identity_) {
    draw_identity(ctx, page.column_width);
  } else {
    ui::status_banner(ctx, "link.error",
                      error_.message.empty() ? ctx.t("link.none") : error_.message.c_str());
    if (ui::button(ctx, "link.to_login", ctx.t("login.title"), ui::ButtonKind::kPrimary,
                   page.column_width))
      ctx.nav.replace({core::Screen::kLogin, ""});
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
