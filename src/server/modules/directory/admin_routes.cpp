// Admins keep the directory: edit or remove a record, and exchange the whole directory as a CSV
// an office maintains in a spreadsheet. An import is all or nothing.
#include <soci/soci.h>

#include "core/text.h"
#include "http/json_body.h"
#include "modules/accounts/access.h"
#include "modules/directory/messages.h"
#include "modules/directory/policy.h"
#include "modules/directory/routes.h"
#include "modules/directory/store.h"
#include "util/vietnamese.h"

namespace cdscb::server::directory {
namespace {

constexpr std::size_t kMaxCsvBytes = 1024 * 1024;
constexpr std::size_t kMaxJsonBytes = 64 * 1024;

// The record in a PUT body; field errors collected (phones normalised on the way).
core::DirectoryRecord record_from_body(const nlohmann::json& body, std::string code,
                                       http::FieldErrors& errors) {
  core::DirectoryRecord record;
  record.code = std::move(code);
  const auto text = [&](const char* key, std::string& out) {
    if (auto value = http::string_field(body, key, errors)) out = std::move(*value);
  };
  text("kind", record.kind);
  text("name", record.name);
  text("address", record.address);
  text("email", record.email);
  text("website", record.website);
  text("hours", record.hours);
  text("note", record.note);
  const bool emergency = record.kind == "emergency";
  if (const auto phones = body.find("phones"); phones != body.end() && !phones->is_null()) {
    if (!phones->is_array()) {
      errors.add("phones", messages::kPhonesNotList);
    } else {
      for (const auto& phone : *phones) {
        const auto input = phone.is_string() ? phone.get<std::string>() : std::string();
        if (input.find_first_not_of(' ') == std::string::npos && phone.is_string()) continue;
        if (auto digits = core::normalize_directory_phone(input, emergency)) {
          record.phones.push_back(*digits);
        } else {
          errors.add("phones", "Số điện thoại \"" + input +
                                   "\" không hợp lệ. Nhập số di động 10 chữ số hoặc số cố định "
                                   "11 chữ số (ví dụ 0206…).");
        }
      }
    }
  }
  if (const auto location = body.find("location"); location != body.end() && !location->is_null()) {
    const auto lat = location->is_object() ? location->find("lat") : location->end();
    const auto lng = location->is_object() ? location->find("lng") : location->end();
    if (!location->is_object() || lat == location->end() || lng == location->end() ||
        !lat->is_number() || !lng->is_number()) {
      errors.add("location", messages::kLocationShape);
    } else {
      record.location = core::GeoPoint{lat->get<double>(), lng->get<double>()};
    }
  }
  return record;
}

http::Response put_record(const DirectoryDeps& deps, const http::Request& request) {
  accounts::require(may_edit(deps.sessions.require_user(request)));
  const nlohmann::json body = http::parse_json_object(request, kMaxJsonBytes);
  http::FieldErrors errors;
  core::DirectoryRecord record =
      record_from_body(body, std::string(request.param("code").value_or("")), errors);
  for (const auto& [field, message] : core::validate_record(record)) errors.add(field, message);
  errors.throw_if_any();
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  const Saved saved = save_record(sql, record, now_seconds(deps));
  transaction.commit();
  return http::Response::json(saved == Saved::kCreated ? 201 : 200,
                              {{"item", record_json(record)}});
}

http::Response delete_one(const DirectoryDeps& deps, const http::Request& request) {
  accounts::require(may_edit(deps.sessions.require_user(request)));
  soci::session sql(deps.database.pool());
  if (!delete_record(sql, std::string(request.param("code").value_or(""))))
    throw http::HttpError(404, "not_found", messages::kNotFound);
  http::Response response;
  response.status = 204;
  return response;
}

http::Response export_csv(const DirectoryDeps& deps, const http::Request& request) {
  accounts::require(may_edit(deps.sessions.require_user(request)));
  soci::session sql(deps.database.pool());
  http::Response response = http::Response::text(200, core::directory_csv(load_all(sql)));
  response.headers.set("Content-Type", "text/csv; charset=utf-8");
  response.headers.set("Content-Disposition", "attachment; filename=\"danh-ba-chinh-quyen.csv\"");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response csv_invalid(const std::vector<core::CsvLineError>& errors) {
  nlohmann::json lines = nlohmann::json::array();
  std::size_t last = 0, bad_lines = 0;
  for (const auto& error : errors) {
    lines.push_back({{"line", error.line}, {"message", util::vietnamese(error.message)}});
    if (error.line != last) ++bad_lines;
    last = error.line;
  }
  const std::string message = std::string(messages::kCsvInvalidPrefix) + std::to_string(bad_lines) +
                              std::string(messages::kCsvInvalidSuffix);
  return http::Response::json(422, {{"error",
                                     {{"code", "csv_invalid"},
                                      {"message", message},
                                      {"fields", nlohmann::json::object()},
                                      {"lines", lines}}}});
}

// The CSV text of an import: the body itself, or {"csv": text} from the app's JSON client.
std::string csv_text(const http::Request& request) {
  const auto type = request.header("Content-Type").value_or("");
  if (!type.starts_with("application/json")) {
    if (request.body.size() > kMaxCsvBytes)
      throw http::HttpError(413, "payload_too_large", "Tệp quá lớn (tối đa 1 MB).");
    return request.body;
  }
  const nlohmann::json body = http::parse_json_object(request, kMaxCsvBytes + 1024);
  http::FieldErrors errors;
  auto text = http::string_field(body, "csv", errors);
  errors.throw_if_any();
  return text.value_or("");
}

http::Response import_csv(const DirectoryDeps& deps, const http::Request& request) {
  accounts::require(may_edit(deps.sessions.require_user(request)));
  const std::string text = csv_text(request);
  if (!core::is_valid_utf8(text)) return csv_invalid({{1, std::string(messages::kCsvNotUtf8)}});
  const core::DirectoryImport parsed = core::parse_directory_csv(text);
  if (!parsed.errors.empty()) return csv_invalid(parsed.errors);
  if (parsed.records.empty()) return csv_invalid({{1, std::string(messages::kCsvEmpty)}});

  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  const ImportCounts counts = replace_all(sql, parsed.records, now_seconds(deps));
  transaction.commit();
  http::Response response = http::Response::json(200, {{"created", counts.created},
                                                       {"updated", counts.updated},
                                                       {"unchanged", counts.unchanged},
                                                       {"deleted", counts.deleted},
                                                       {"total", parsed.records.size()}});
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_admin_routes(http::Router& router, const DirectoryDeps& deps) {
  router.put("/api/v1/admin/directory/{code}",
             [deps](const http::Request& request) { return put_record(deps, request); });
  router.del("/api/v1/admin/directory/{code}",
             [deps](const http::Request& request) { return delete_one(deps, request); });
  router.get("/api/v1/admin/directory.csv",
             [deps](const http::Request& request) { return export_csv(deps, request); });
  router.post("/api/v1/admin/directory.csv",
              [deps](const http::Request& request) { return import_csv(deps, request); });
}

}  // namespace cdscb::server::directory
