// Open311 GeoReport v2 (JSON) for other systems: national feedback platforms, analytics and
// third-party clients. Services are the feedback fields; requests are feedback. Status maps onto
// "open"/"closed" with the detailed Vietnamese status in status_notes. Without a key only
// published feedback is readable; posting needs an API key issued by an admin
// (key_routes.cpp). A revoked key reads like no key and cannot post.
#include "modules/open311/routes.h"

#include <soci/soci.h>

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/feedback.h"
#include "core/text.h"
#include "core/time_text.h"
#include "db/database.h"
#include "modules/agencies/store.h"
#include "modules/feedback/filing.h"
#include "modules/feedback/id_query.h"
#include "modules/feedback/reference_data.h"
#include "modules/feedback/store.h"
#include "modules/open311/messages.h"
#include "security/crypto.h"
#include "util/strings.h"
#include "util/time.h"
#include "util/vietnamese.h"

namespace cdscb::server {
namespace open311 {
namespace {

using feedback::Feedback;
using feedback::FieldInfo;
using feedback::find_feedback;
using feedback::find_field;
using feedback::IdQuery;

constexpr std::string_view kSpecification = "http://wiki.open311.org/GeoReport_v2";
constexpr std::size_t kTitleFromDescription = 100;  // code points
constexpr long long kListMax = 1000;                // GeoReport's usual page size
constexpr std::size_t kMaxRequestIds = 50;  // service_request_id=1,2,… (kTooManyRequestIds)

std::string time_text(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

// GeoReport errors: a list of {"code","description"} with the HTTP status as code.
http::Response open311_error(int status, std::string_view description) {
  return http::Response::json(
      status,
      nlohmann::json::array({{{"code", status}, {"description", util::vietnamese(description)}}}));
}

// "{name}.json" → name; nullopt otherwise.
std::optional<std::string> strip_json(std::string_view file) {
  if (!file.ends_with(".json") || file.size() <= 5) return std::nullopt;
  return std::string(file.substr(0, file.size() - 5));
}

std::optional<long long> parse_id(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

// The key's owner (the user posted requests belong to); nullopt for a missing or unknown key.
std::optional<long long> key_owner(soci::session& sql, std::string_view key) {
  if (key.empty()) return std::nullopt;
  const std::string hash = security::sha256_hex(key);
  long long user_id = 0;
  sql << "SELECT user_id FROM open311_api_keys WHERE key_hash = :hash AND revoked_at IS NULL",
      soci::use(hash), soci::into(user_id);
  if (!sql.got_data()) return std::nullopt;
  return user_id;
}

bool key_revoked(soci::session& sql, std::string_view key) {
  if (key.empty()) return false;
  const std::string hash = security::sha256_hex(key);
  int count = 0;
  sql << "SELECT COUNT(*) FROM open311_api_keys WHERE key_hash = :hash AND revoked_at IS NOT NULL",
      soci::use(hash), soci::into(count);
  return count > 0;
}

nlohmann::json service_json(const FieldInfo& field) {
  return {{"service_code", field.code}, {"service_name", field.name}, {"description", nullptr},
          {"metadata", false},          {"type", "realtime"},         {"keywords", nullptr},
          {"group", field.agency_name}};
}

// The names requests show, read once for a whole list: one query per table.
struct Names {
  std::map<std::string, std::string> fields;
  std::map<std::string, std::string> agencies;
};

Names names_for(soci::session& sql, const std::vector<Feedback>& list) {
  Names names;
  std::set<std::string> agency_codes;
  for (const Feedback& f : list) agency_codes.insert(f.agency);
  if (list.empty()) return names;
  for (const FieldInfo& field : feedback::list_fields(sql)) names.fields[field.code] = field.name;
  names.agencies = agencies::names_of(sql, agency_codes);
  return names;
}

nlohmann::json request_json(const Names& names, const Open311Deps& deps, const Feedback& f,
                            bool full) {
  const auto* status = core::find_feedback_status(f.status);
  const auto field = names.fields.find(f.field);
  const auto agency = names.agencies.find(f.agency);
  std::string notes(core::feedback_status_label(f.status));
  if (f.answer_text && (full || f.published)) notes += ": " + *f.answer_text;
  nlohmann::json media = nullptr;
  if (!f.photos.empty()) {
    media =
        deps.photo_url ? deps.photo_url(f.photos.front()) : "/media/" + f.photos.front() + ".jpg";
  }
  return {{"service_request_id", std::to_string(f.id)},
          {"status", status && !status->open ? "closed" : "open"},
          {"status_notes", notes},
          {"detailed_status", f.status},
          {"service_name", field != names.fields.end() ? nlohmann::json(field->second) : nullptr},
          {"service_code", f.field},
          {"description", f.title + "\n\n" + f.content},
          {"agency_responsible", agency != names.agencies.end() ? agency->second : f.agency},
          {"service_notice", nullptr},
          {"requested_datetime", time_text(f.created_at)},
          {"updated_datetime", time_text(f.updated_at)},
          {"expected_datetime", time_text(f.answer_deadline)},
          {"address", f.address ? nlohmann::json(*f.address) : nullptr},
          {"address_id", nullptr},
          {"zipcode", nullptr},
          {"lat", f.lat},
          {"long", f.lng},
          {"media_url", media}};
}

// The endpoint is where the operator says the server is (--public-origin), never the request's
// Host header, which a client or a cache in between may set to anything.
http::Response discovery(const Open311Deps& deps) {
  return http::Response::json(
      200, {{"changeset", "2025-07-01T00:00:00Z"},
            {"contact", "Văn phòng UBND tỉnh Cao Bằng"},
            {"key_service", "Quản trị viên cấp khóa API tại /api/v1/admin/open311-keys"},
            {"endpoints",
             {{{"specification", kSpecification},
               {"url", deps.public_origin + "/open311/v2"},
               {"changeset", "2025-07-01T00:00:00Z"},
               {"type", "production"},
               {"formats", {"application/json"}}}}}});
}

http::Response services(const Open311Deps& deps) {
  soci::session sql(deps.database.pool());
  nlohmann::json list = nlohmann::json::array();
  for (const FieldInfo& field : feedback::list_fields(sql)) list.push_back(service_json(field));
  return http::Response::json(200, list);
}

http::Response service_definition(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto code = strip_json(request.param("file").value_or(""));
  if (!code || !find_field(sql, *code)) return open311_error(404, messages::kFieldUnknown);
  return http::Response::json(200,
                              {{"service_code", *code}, {"attributes", nlohmann::json::array()}});
}

// The query's parameters, or the form/JSON body's for POST.
std::map<std::string, std::string> form_of(const http::Request& request) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : request.query) out.emplace(name, value);
  const std::string type = util::to_lower(request.header("Content-Type").value_or(""));
  if (type.starts_with("application/json")) {
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_object()) {
      for (const auto& [name, value] : body.items()) {
        out[name] = value.is_string() ? value.get<std::string>() : value.dump();
      }
    }
  } else {
    for (const auto part : util::split(request.body, '&')) {
      const auto eq = part.find('=');
      const auto name = util::percent_decode(part.substr(0, eq), true);
      const auto value =
          util::percent_decode(eq == std::string_view::npos ? "" : part.substr(eq + 1), true);
      if (name && value && !name->empty()) out[*name] = *value;
    }
  }
  return out;
}

std::string value_of(const std::map<std::string, std::string>& form, const char* name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

// The feedback statuses GeoReport calls `open` ("open") or `closed`, for an SQL IN list.
std::string statuses_in_sql(bool open) {
  std::string list;
  for (const core::FeedbackStatus& status : core::feedback_statuses()) {
    if (status.open != open) continue;
    list += (list.empty() ? "'" : ", '") + std::string(status.code) + "'";
  }
  return list;
}

// start_date / end_date into `out`: absent leaves it empty; RFC 3339 with its offset gives Unix
// seconds; false for anything else.
bool read_date(const std::string& text, std::optional<long long>& out) {
  if (text.empty()) return true;
  out = core::parse_rfc3339(text);
  return out.has_value();
}

http::Response list_requests(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto form = form_of(request);
  const auto get = [&form](const char* name) { return value_of(form, name); };
  const bool full = key_owner(sql, get("api_key")).has_value();
  std::vector<long long> wanted;
  // Kept in a variable: split() gives views into it for the whole loop.
  const std::string id_list = get("service_request_id");
  for (const auto part : util::split(id_list, ',')) {
    if (const auto id = parse_id(util::trim(part))) wanted.push_back(*id);
  }
  if (wanted.size() > kMaxRequestIds) return open311_error(400, messages::kTooManyRequestIds);
  const std::string code = get("service_code");
  const std::string status = get("status");
  if (!status.empty() && status != "open" && status != "closed") {
    return open311_error(400, messages::kStatusUnknown);
  }
  std::optional<long long> start, end;
  if (!read_date(get("start_date"), start)) {
    return open311_error(400, messages::kStartDateInvalid);
  }
  if (!read_date(get("end_date"), end)) return open311_error(400, messages::kEndDateInvalid);
  // GeoReport: service_request_id overrides every other filter.
  std::vector<long long> ids = wanted;
  if (ids.empty()) {
    // Every filter in SQL, so LIMIT counts only the requests that match.
    IdQuery select("SELECT id FROM feedback WHERE 1 = 1");
    if (!full) select.add(" AND published = 1");
    if (!code.empty()) select.add(" AND field = :code", code);
    if (!status.empty()) select.add(" AND status IN (" + statuses_in_sql(status == "open") + ")");
    if (start) select.add(" AND created_at >= :from", *start);
    if (end) select.add(" AND created_at <= :to", *end);
    select.add(" ORDER BY id DESC LIMIT :max", kListMax);
    ids = select.run(sql);
  }
  std::vector<Feedback> found = feedback::find_feedback_list(sql, ids);
  std::erase_if(found, [full](const Feedback& f) { return !full && !f.published; });
  const Names names = names_for(sql, found);
  nlohmann::json list = nlohmann::json::array();
  for (const Feedback& f : found) list.push_back(request_json(names, deps, f, full));
  return http::Response::json(200, list);
}

http::Response one_request(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto id = parse_id(strip_json(request.param("file").value_or("")).value_or(""));
  const auto f = id ? find_feedback(sql, *id) : std::nullopt;
  const bool full = key_owner(sql, request.query_param("api_key").value_or("")).has_value();
  if (!f || (!full && !f->published)) return open311_error(404, messages::kNotFound);
  return http::Response::json(
      200, nlohmann::json::array({request_json(names_for(sql, {*f}), deps, *f, full)}));
}

// Requests are created at once, so a token is the request id itself; like the request, it is
// found only when published or asked with a key.
http::Response token(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto token = strip_json(request.param("file").value_or("")).value_or("");
  const auto id = parse_id(token);
  const auto f = id ? find_feedback(sql, *id) : std::nullopt;
  const bool full = key_owner(sql, request.query_param("api_key").value_or("")).has_value();
  if (!f || (!full && !f->published)) return open311_error(404, messages::kNotFound);
  return http::Response::json(
      200, nlohmann::json::array({{{"token", token}, {"service_request_id", token}}}));
}

http::Response post_request(const Open311Deps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto form = form_of(request);
  const auto get = [&form](const char* name) { return value_of(form, name); };
  const auto owner = key_owner(sql, get("api_key"));
  if (!owner) {
    return open311_error(
        403, key_revoked(sql, get("api_key")) ? messages::kKeyRevoked : messages::kForbidden);
  }
  const auto field = find_field(sql, get("service_code"));
  if (!field) return open311_error(400, messages::kFieldUnknown);
  double lat = 0, lng = 0;
  const std::string lat_text = get("lat"), lng_text = get("long");
  const bool has_point =
      std::from_chars(lat_text.data(), lat_text.data() + lat_text.size(), lat).ec == std::errc() &&
      std::from_chars(lng_text.data(), lng_text.data() + lng_text.size(), lng).ec == std::errc();
  core::FeedbackDraft draft;
  draft.content = get("description");
  // GeoReport has no title: the description's beginning stands for it.
  std::string title;
  std::size_t points = 0;
  for (std::size_t i = 0; i < draft.content.size() && points < kTitleFromDescription; ++points) {
    std::size_t length = 1;
    const auto byte = static_cast<unsigned char>(draft.content[i]);
    if (byte >= 0xF0)
      length = 4;
    else if (byte >= 0xE0)
      length = 3;
    else if (byte >= 0xC0)
      length = 2;
    title += draft.content.substr(i, length);
    i += length;
  }
  draft.title = title;
  draft.field = field->code;
  if (has_point) draft.location = core::FeedbackLocation{.lat = lat, .lng = lng};
  draft.address = get("address_string");
  const auto problems = core::validate_feedback(draft);
  if (!problems.empty()) return open311_error(400, problems.begin()->second);
  const long long now = now_seconds(deps);
  Feedback f;
  f.title = core::trim_blank(draft.title);
  f.content = core::trim_blank(draft.content);
  f.lat = lat;
  f.lng = lng;
  if (!core::trim_blank(draft.address).empty()) f.address = core::trim_blank(draft.address);
  db::Transaction transaction(sql, deps.database.backend());
  feedback::file_feedback(sql, f, *field,
                          {.user_id = *owner,
                           .role = std::string(core::role_name(core::Role::kCitizen)),
                           .note = std::string("Open311")},
                          now);
  transaction.commit();
  return http::Response::json(201,
                              nlohmann::json::array({{{"service_request_id", std::to_string(f.id)},
                                                      {"service_notice", nullptr},
                                                      {"account_id", nullptr}}}));
}

}  // namespace

long long now_seconds(const Open311Deps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

}  // namespace open311

void register_open311_routes(http::Router& router, const Open311Deps& deps) {
  using namespace open311;
  router.get("/open311/v2/discovery.json",
             [deps](const http::Request&) { return discovery(deps); });
  router.get("/open311/v2/services.json", [deps](const http::Request&) { return services(deps); });
  router.get("/open311/v2/services/{file}",
             [deps](const http::Request& request) { return service_definition(deps, request); });
  router.get("/open311/v2/requests.json",
             [deps](const http::Request& request) { return list_requests(deps, request); });
  router.post("/open311/v2/requests.json",
              [deps](const http::Request& request) { return post_request(deps, request); });
  router.get("/open311/v2/requests/{file}",
             [deps](const http::Request& request) { return one_request(deps, request); });
  router.get("/open311/v2/tokens/{file}",
             [deps](const http::Request& request) { return token(deps, request); });
  register_key_routes(router, deps);
}

}  // namespace cdscb::server
