// Files of dossiers (photos and PDFs of papers, officials' results) and "Kho giấy tờ".
#include <soci/soci.h>

#include "core/time_text.h"
#include "http/pagination.h"
#include "http/rate_limit.h"
#include "modules/dossiers/messages.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/private_files.h"
#include "modules/dossiers/routes.h"
#include "modules/media/routes.h"
#include "modules/media/uploads.h"

namespace cdscb::server::dossiers {
namespace {

constexpr char kTooLarge[] = "Tệp vượt quá 10 MB.";
constexpr std::size_t kPaperNameMax = 200;
constexpr long long kPapersMax = 200;

http::Response upload(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (request.body.size() > media::kMaxUploadBytes)
    throw http::HttpError(413, "too_large", kTooLarge);
  const long long now = now_seconds(deps);
  // The photo uploads' own quota: papers are photos and PDFs sent the same way.
  const std::string key = http::account_key(user.id);
  if (auto refused = http::check_rate_limits(sql, {kUploadsPerDay}, key, now)) return *refused;
  if (auto refused = http::check_rate_limits(sql, {kUploadBytesPerDay}, key, now,
                                             static_cast<long long>(request.body.size())))
    return *refused;
  media::StoredImage stored;
  try {
    stored = std::string_view(request.body).starts_with("%PDF-")
                 ? deps.media->store_pdf(request.body)
                 : deps.media->store_private(request.body);
  } catch (const media::MediaError& e) {
    throw http::HttpError(e.status(), e.code(), e.message());
  }
  media::record_upload(sql, stored, user.id, now);
  return http::no_store(http::Response::json(
      201, {{"file",
             {{"id", stored.id},
              {"kind", stored.content_type == "application/pdf" ? "pdf" : "image"},
              {"content_type", stored.content_type},
              {"bytes", stored.bytes}}}}));
}

http::Response papers(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  long long id = 0, created_at = 0;
  std::string name, media, kind;
  std::string code;
  soci::indicator code_ind = soci::i_null;
  soci::statement st =
      (sql.prepare << "SELECT id, name, media, kind, dossier_code, created_at FROM citizen_papers "
                      "WHERE user_id = :user ORDER BY id DESC LIMIT :limit",
       soci::use(user.id), soci::use(kPapersMax), soci::into(id), soci::into(name),
       soci::into(media), soci::into(kind), soci::into(code, code_ind), soci::into(created_at));
  st.execute();
  nlohmann::json items = nlohmann::json::array();
  while (st.fetch()) {
    items.push_back(
        {{"id", id},
         {"name", name},
         {"media", media},
         {"kind", kind},
         {"url", paper_file_url(id)},
         {"dossier_code", code_ind == soci::i_ok ? nlohmann::json(code) : nlohmann::json()},
         {"created_at", core::format_rfc3339(created_at)}});
  }
  return http::no_store(http::Response::json(200, {{"items", items}}));
}

http::Response save_paper(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const std::string name = http::string_field(body, "name", errors).value_or("");
  const std::string media = http::string_field(body, "media", errors).value_or("");
  if (name.empty() || name.size() > kPaperNameMax) errors.add("name", messages::kPaperNameRequired);
  const std::string kind = deps.media->kind_of(media);
  if (kind.empty() || !media::uploaded_by(sql, media, user.id))
    errors.add("media", messages::kFileNotYours);
  errors.throw_if_any();
  const long long now = now_seconds(deps);
  sql << "INSERT INTO citizen_papers (user_id, name, media, kind, created_at) VALUES (:user, "
         ":name, :media, :kind, :at)",
      soci::use(user.id), soci::use(name), soci::use(media), soci::use(kind), soci::use(now);
  long long id = 0;
  sql << "SELECT MAX(id) FROM citizen_papers WHERE user_id = :user", soci::use(user.id),
      soci::into(id);
  return http::no_store(http::Response::json(201, {{"paper",
                                                    {{"id", id},
                                                     {"name", name},
                                                     {"media", media},
                                                     {"kind", kind},
                                                     {"url", paper_file_url(id)},
                                                     {"dossier_code", nullptr},
                                                     {"created_at", core::format_rfc3339(now)}}}}));
}

http::Response delete_paper(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const auto id = http::parse_integer(request.param("id").value_or(""));
  if (!id) throw http::HttpError(404, "not_found", messages::kPaperNotFound);
  const long long paper = *id;
  soci::statement st = (sql.prepare << "DELETE FROM citizen_papers WHERE id = :id AND user_id = "
                                       ":user",
                        soci::use(paper), soci::use(user.id));
  st.execute(true);
  if (st.get_affected_rows() == 0)
    throw http::HttpError(404, "not_found", messages::kPaperNotFound);
  http::Response response;
  response.status = 204;
  return response;
}

// A file of a dossier, to those who may read the dossier; the same 404 whether the dossier, the
// file or the right is missing, so that guessing learns nothing.
http::Response dossier_file(const DossiersDeps& deps, const http::Request& request) {
  const std::string id(request.param("id").value_or(""));
  std::string code;
  {
    soci::session sql(deps.database.pool());
    const accounts::AuthUser user = deps.sessions.require_user(sql, request);
    const auto d =
        find_dossier(sql, deps.database.backend(), std::string(request.param("code").value_or("")));
    if (!d || !may_view(user, *d) || !dossier_holds_file(*d, id))
      throw http::HttpError(404, "not_found", messages::kFileNotFound);
    code = d->code;
  }
  return serve_private_file(*deps.media, id, code + "-" + id.substr(0, 12));
}

// A paper of "Kho giấy tờ", to its owner only.
http::Response paper_file(const DossiersDeps& deps, const http::Request& request) {
  std::string name, media;
  {
    soci::session sql(deps.database.pool());
    const accounts::AuthUser user = deps.sessions.require_user(sql, request);
    const auto id = http::parse_integer(request.param("id").value_or(""));
    if (!id) throw http::HttpError(404, "not_found", messages::kPaperNotFound);
    const long long paper = *id;
    sql << "SELECT name, media FROM citizen_papers WHERE id = :id AND user_id = :user",
        soci::use(paper), soci::use(user.id), soci::into(name), soci::into(media);
    if (!sql.got_data()) throw http::HttpError(404, "not_found", messages::kPaperNotFound);
  }
  return serve_private_file(*deps.media, media, name);
}

}  // namespace

void register_file_routes(http::Router& router, const DossiersDeps& deps) {
  router.post("/api/v1/dossiers/files", [deps](const http::Request& r) { return upload(deps, r); });
  router.limit_body(
      "POST", "/api/v1/dossiers/files",
      {.max_bytes = media::kMaxUploadBytes + 64 * 1024, .code = "too_large", .message = kTooLarge});
  router.get("/api/v1/dossiers/{code}/files/{id}",
             [deps](const http::Request& r) { return dossier_file(deps, r); });
  router.get("/api/v1/papers/mine", [deps](const http::Request& r) { return papers(deps, r); });
  router.get("/api/v1/papers/{id}/file",
             [deps](const http::Request& r) { return paper_file(deps, r); });
  router.post("/api/v1/papers", [deps](const http::Request& r) { return save_paper(deps, r); });
  router.del("/api/v1/papers/{id}",
             [deps](const http::Request& r) { return delete_paper(deps, r); });
}

}  // namespace cdscb::server::dossiers
