#include "modules/dossiers/private_files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/form_validation.h"
#include "core/text.h"
#include "modules/dossiers/messages.h"

namespace cdscb::server::dossiers {
namespace {

// A filename any browser and any disk takes: the name folded to ASCII (no diacritics), letters
// and digits kept, every other run of characters one "-", at most 80 characters.
std::string safe_filename(const std::string& name, const std::string& extension) {
  std::string out;
  for (const char c : core::fold_for_search(name)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 80) break;
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  if (out.empty()) out = "tep";
  return out + "." + extension;
}

std::string extension_of(const std::string& content_type) {
  if (content_type == "application/pdf") return "pdf";
  if (content_type == "image/png") return "png";
  if (content_type == "image/webp") return "webp";
  return "jpg";
}

}  // namespace

std::string dossier_file_url(const std::string& code, const std::string& id) {
  return "/api/v1/dossiers/" + code + "/files/" + id;
}

std::string paper_file_url(long long paper_id) {
  return "/api/v1/papers/" + std::to_string(paper_id) + "/file";
}

bool dossier_holds_file(const Dossier& d, const std::string& id) {
  if (!core::is_media_id(id)) return false;
  for (const auto& paper : d.papers.items()) {
    const auto& files = paper.value();
    if (!files.is_array()) continue;
    for (const auto& file : files)
      if (file.is_object() && file.value("media", "") == id) return true;
  }
  if (d.result && d.result->is_object() && d.result->value("media", "") == id) return true;
  return value_file_urls(d).contains(id);
}

nlohmann::json papers_with_urls(const Dossier& d) {
  nlohmann::json papers = d.papers;
  for (auto paper : papers.items()) {
    auto& files = paper.value();
    if (!files.is_array()) continue;
    for (auto& file : files) {
      if (file.is_object() && file.contains("media") && file["media"].is_string())
        file["url"] = dossier_file_url(d.code, file["media"].get<std::string>());
    }
  }
  return papers;
}

nlohmann::json value_file_urls(const Dossier& d) {
  // Only file fields hold lists of media ids (a multi-select holds the option codes of the
  // procedure), and filing checked that each was the citizen's own upload.
  nlohmann::json urls = nlohmann::json::object();
  for (const auto& field : d.values.items()) {
    const auto& value = field.value();
    if (!value.is_array()) continue;
    for (const auto& item : value) {
      if (item.is_string() && core::is_media_id(item.get<std::string>()))
        urls[item.get<std::string>()] = dossier_file_url(d.code, item.get<std::string>());
    }
  }
  return urls;
}

http::Response serve_private_file(const media::MediaStore& store, const std::string& id,
                                  const std::string& name) {
  const auto file = store.open_private(id);
  if (!file) throw http::HttpError(404, "not_found", messages::kFileNotFound);
  std::ifstream in(file->path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " + file->path.string());
  http::Response response;
  response.status = 200;
  response.body = std::move(bytes).str();
  response.headers.set("Content-Type", file->content_type);
  response.headers.set(
      "Content-Disposition",
      "inline; filename=\"" + safe_filename(name, extension_of(file->content_type)) + "\"");
  // Personal data: no shared cache keeps it, no browser cache either, and the type is the one
  // stated (a PDF is never sniffed into HTML).
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace cdscb::server::dossiers
