// Private files of "Dịch vụ công": the papers of dossiers, supplements, officials' results and
// "Kho giấy tờ" are personal data. The media store keeps them apart (MediaStore::store_private,
// never under /media/), and only these routes serve them, each after its own authorisation:
//   GET /api/v1/dossiers/{code}/files/{id}  a file the dossier holds (the policy's may_view)
//   GET /api/v1/papers/{id}/file            a paper of "Kho giấy tờ" (its owner)
// The JSON gives each file its URL ("url"), so the app never builds one.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "http/response.h"
#include "integrations/media/media_store.h"
#include "modules/dossiers/store.h"

namespace cdscb::server::dossiers {

// "/api/v1/dossiers/<code>/files/<id>".
std::string dossier_file_url(const std::string& code, const std::string& id);
// "/api/v1/papers/<id>/file".
std::string paper_file_url(long long paper_id);

// Whether `id` is one of the files the dossier holds now: a paper, a file field of its form, or
// its result.
bool dossier_holds_file(const Dossier& dossier, const std::string& id);

// The dossier's papers with a "url" beside each file's "media".
nlohmann::json papers_with_urls(const Dossier& dossier);
// {id: url} of every file in the dossier's form values (file fields hold lists of ids).
nlohmann::json value_file_urls(const Dossier& dossier);

// 200 with the file's bytes and the headers of personal data (Content-Type from the stored kind,
// Content-Disposition "inline" with an ASCII filename made from `name`, Cache-Control "private,
// no-store", nosniff); 404 when the store has no such private file.
http::Response serve_private_file(const media::MediaStore& store, const std::string& id,
                                  const std::string& name);

}  // namespace cdscb::server::dossiers
