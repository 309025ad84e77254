// Admins manage feedback fields: name, responsible agency, answer deadline (working days) and
// whether answered feedback is published by default. An edited row is no longer refreshed from
// data/feedback_fields.csv at start-up (see reference_data.h).
#include <soci/soci.h>

#include "core/text.h"
#include "modules/agencies/store.h"
#include "modules/accounts/access.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

constexpr std::size_t kNameMax = 100;
constexpr std::size_t kCodeMax = 50;
constexpr int kDaysMax = 90;

nlohmann::json field_json(const FieldInfo& field) {
  return {{"code", field.code},
          {"name", field.name},
          {"agency", {{"code", field.agency}, {"name", field.agency_name}}},
          {"answer_days", field.answer_days},
          {"publish_by_default", field.publish_by_default}};
}

// Reads the editable members present in `body` into `field`; `partial` (PATCH) lets any be absent.
void read_field(soci::session& sql, const nlohmann::json& body, FieldInfo& field, bool partial,
                http::FieldErrors& errors) {
  if (!partial || body.contains("name")) {
    const std::string name = http::string_field(body, "name", errors).value_or("");
    if (!errors.has("name")) {
      if (!core::is_valid_utf8(name) || name.find_first_not_of(' ') == std::string::npos) {
        errors.add("name", messages::kFieldNameRequired);
      } else if (core::count_code_points(name) > kNameMax) {
        errors.add("name", messages::kFieldNameTooLong);
      }
      field.name = name;
    }
  }
  if (!partial || body.contains("agency")) {
    const std::string agency = http::string_field(body, "agency", errors).value_or("");
    if (!errors.has("agency")) {
      if (const auto name = agencies::name_of(sql, agency)) {
        field.agency = agency;
        field.agency_name = *name;
      } else {
        errors.add("agency", messages::kAgencyUnknown);
      }
    }
  }
  if (!partial || body.contains("answer_days")) {
    const auto days = body.find("answer_days");
    if (days == body.end() || !days->is_number_integer() || days->get<int>() < 1 ||
        days->get<int>() > kDaysMax) {
      errors.add("answer_days", messages::kAnswerDaysInvalid);
    } else {
      field.answer_days = days->get<int>();
    }
  }
  if (body.contains("publish_by_default")) {
    if (!body["publish_by_default"].is_boolean()) {
      errors.add("publish_by_default", messages::kNotABoolean);
    } else {
      field.publish_by_default = body["publish_by_default"].get<bool>();
    }
  }
}

http::Response list(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_administer(deps.sessions.require_user(sql, request)));
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldInfo& field : list_fields(sql)) fields.push_back(field_json(field));
  return http::no_store(http::Response::json(200, {{"fields", fields}}));
}

http::Response create(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_administer(deps.sessions.require_user(sql, request)));
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  FieldInfo field;
  field.code = http::string_field(body, "code", errors).value_or("");
  if (!errors.has("code") && (field.code.empty() || field.code.size() > kCodeMax ||
                              field.code.find_first_not_of(
                                  "abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)) {
    errors.add("code", messages::kFieldCodeInvalid);
  }
  read_field(sql, body, field, false, errors);
  errors.throw_if_any();
  if (find_field(sql, field.code)) {
    throw http::HttpError(409, "field_exists", messages::kFieldCodeTaken,
                          {{"code", messages::kFieldCodeTaken}});
  }
  const int publish = field.publish_by_default ? 1 : 0;
  const long long now = now_seconds(deps);
  sql << "INSERT INTO feedback_fields (code, name, agency, answer_days, publish_by_default, "
         "position, edited_at) VALUES (:code, :name, :agency, :days, :publish, "
         "(SELECT COALESCE(MAX(position), 0) + 1 FROM feedback_fields), :now)",
      soci::use(field.code), soci::use(field.name), soci::use(field.agency),
      soci::use(field.answer_days), soci::use(publish), soci::use(now);
  return http::Response::json(201, {{"field", field_json(*find_field(sql, field.code))}});
}

http::Response update(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_administer(deps.sessions.require_user(sql, request)));
  const nlohmann::json body = http::parse_json_object(request);
  auto field = find_field(sql, std::string(request.param("code").value_or("")));
  if (!field) throw http::HttpError(404, "not_found", messages::kFieldUnknown);
  http::FieldErrors errors;
  read_field(sql, body, *field, true, errors);
  errors.throw_if_any();
  const int publish = field->publish_by_default ? 1 : 0;
  const long long now = now_seconds(deps);
  sql << "UPDATE feedback_fields SET name = :name, agency = :agency, answer_days = :days, "
         "publish_by_default = :publish, edited_at = :now WHERE code = :code",
      soci::use(field->name), soci::use(field->agency), soci::use(field->answer_days),
      soci::use(publish), soci::use(now), soci::use(field->code);
  return http::no_store(
      http::Response::json(200, {{"field", field_json(*find_field(sql, field->code))}}));
}

}  // namespace

void register_admin_field_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/admin/feedback-fields",
             [deps](const http::Request& request) { return list(deps, request); });
  router.post("/api/v1/admin/feedback-fields",
              [deps](const http::Request& request) { return create(deps, request); });
  router.patch("/api/v1/admin/feedback-fields/{code}",
               [deps](const http::Request& request) { return update(deps, request); });
}

}  // namespace cdscb::server::feedback
