#include "app/screens/profile_form.h"

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kGenderCodes[] = {"nam", "nu", "khac"};

int gender_index(const std::string& code) {
  for (int i = 0; i < 3; ++i)
    if (code == kGenderCodes[i]) return i;
  return -1;
}

}  // namespace

void ProfileForm::load(AppContext& ctx) {
  error_ = {};
  saved_ = false;
  loaded_user_.clear();
  if (const auto& user = ctx.session.user()) {
    loaded_user_ = user->id;
    full_name_ = user->full_name;
    birth_date_ = user->birth_date;
    street_ = user->street;
    email_ = user->email;
    gender_ = gender_index(user->gender);
    loaded_commune_ = user->commune;
  }
  commune_ = -1;
  for (size_t i = 0; i < commune_codes_.size(); ++i)
    if (commune_codes_[i] == loaded_commune_) commune_ = static_cast<int>(i);
  if (commune_codes_.empty() && !communes_.waiting())
    communes_.start(ctx.api, "GET", "/api/v1/communes");
}

void ProfileForm::take_answers(AppContext& ctx) {
  if (auto answer = communes_.poll(ctx.api); answer && answer->ok()) {
    auto list = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    if (list.is_object() && list.contains("communes")) list = list["communes"];
    if (list.is_array()) {
      for (const auto& c : list) {
        commune_codes_.push_back(api::str(c, "code"));
        commune_names_.push_back(api::str(c, "name"));
        if (commune_codes_.back() == loaded_commune_)
          commune_ = static_cast<int>(commune_codes_.size()) - 1;
      }
    }
  }
  if (auto answer = save_.poll(ctx.api)) {
    if (answer->ok()) {
      if (auto user = state::user_from_json(answer->body)) ctx.session.signed_in(*user);
      saved_ = true;
    } else {
      error_ = api::error_of(*answer);
    }
  }
}

nlohmann::json ProfileForm::changes(const state::User& user) const {
  nlohmann::json body = nlohmann::json::object();
  if (!user.vneid_verified) {
    body["full_name"] = full_name_;
    if (!birth_date_.empty()) body["birth_date"] = birth_date_;
    if (gender_ >= 0) body["gender"] = kGenderCodes[gender_];
  }
  if (commune_ >= 0) body["commune"] = commune_codes_[commune_];
  body["street"] = street_;
  body["email"] = email_;
  return body;
}

void ProfileForm::draw(AppContext& ctx, float width) {
  take_answers(ctx);
  const auto& user = ctx.session.user();
  if (!user) return;
  if (user->id != loaded_user_) load(ctx);
  ui::heading(ctx, "profile.title", ctx.t("profile.title"), 2);
  if (user->vneid_verified) {
    // Name, birth date and gender are those of the national identity record.
    ui::paragraph(ctx, "profile.from_vneid", ctx.t("profile.from_vneid"), ui::Theme::kMutedText);
  } else {
    ui::text_field(ctx, "profile.name", ctx.t("account.full_name"), full_name_,
                   {.input = "name", .error = error_.field("full_name")});
    ui::text_field(
        ctx, "profile.birth_date", ctx.t("profile.birth_date"), birth_date_,
        {.placeholder = "YYYY-MM-DD", .input = "date", .error = error_.field("birth_date")});
    const std::vector<std::string> genders = {ctx.t("profile.gender_male"),
                                              ctx.t("profile.gender_female"),
                                              ctx.t("profile.gender_other")};
    ui::combo(ctx, "profile.gender", ctx.t("profile.gender"), gender_, genders,
              ctx.t("profile.choose"));
  }
  ui::combo(ctx, "profile.commune", ctx.t("profile.commune"), commune_, commune_names_,
            ctx.t("profile.choose"));
  ui::text_field(ctx, "profile.street", ctx.t("profile.street"), street_,
                 {.error = error_.field("street")});
  ui::text_field(ctx, "profile.email", ctx.t("profile.email"), email_,
                 {.placeholder = "ten@vidu.vn", .input = "email", .error = error_.field("email")});
  if (saved_) ui::status_banner(ctx, "profile.saved", ctx.t("profile.saved"));
  if (!error_.message.empty() && error_.fields.empty())
    ui::status_banner(ctx, "profile.error", error_.message.c_str());
  if (ui::button(ctx, "profile.save", ctx.t("profile.save"), ui::ButtonKind::kPrimary, width) &&
      !save_.waiting()) {
    error_ = {};
    saved_ = false;
    save_.start(ctx.api, "PATCH", "/api/v1/me", changes(*user).dump());
  }
}

}  // namespace cdscb::app::screens
