#include "app/screens/services_filing_papers.h"

#include <algorithm>

#include "app/api/json.h"
#include "app/platform/document.h"
#include "app/platform/idb_store.h"
#include "app/platform/photo.h"
#include "app/platform/upload.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/services_filing_catalogue.h"
#include "app/screens/services_filing_procedure.h"
#include "app/state/device_keys.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr long long kPdfMaxBytes = 10LL * 1024 * 1024;  // what the server takes

const nlohmann::json& reply_member(const nlohmann::json& j, const char* key) {
  return feedback_ui::member(j, key);
}

}  // namespace

core::PaperFiles PaperAttachments::files() const {
  core::PaperFiles out;
  for (const auto& [code, list] : files_)
    for (const FilingFile& f : list)
      if (!f.media.empty()) out[code].push_back({f.media, f.kind});
  return out;
}

core::PaperFiles PaperAttachments::files_to_check() const {
  static const std::string kStandIn(64, '0');  // a well-formed media id, never a real one
  core::PaperFiles out;
  for (const auto& [code, list] : files_)
    for (const FilingFile& f : list)
      out[code].push_back({f.media.empty() ? kStandIn : f.media, f.kind});
  return out;
}

std::size_t PaperAttachments::count(const std::string& paper) const {
  const auto it = files_.find(paper);
  return it == files_.end() ? 0 : it->second.size();
}

void PaperAttachments::restore(const core::PaperFiles& files) {
  files_.clear();
  for (const auto& [paper, list] : files)
    for (const auto& f : list) files_[paper].push_back({"", "", f.kind, f.media, ""});
}

std::vector<PendingFile> PaperAttachments::pending() const {
  std::vector<PendingFile> out;
  for (const auto& [paper, list] : files_)
    for (const FilingFile& f : list)
      if (f.media.empty() && !f.store_key.empty()) out.push_back({paper, f.kind, f.store_key});
  return out;
}

void PaperAttachments::uploaded_elsewhere(
    const std::vector<std::pair<std::string, std::string>>& key_media) {
  for (auto& [paper, list] : files_) {
    for (FilingFile& f : list)
      for (const auto& [key, media] : key_media)
        if (!key.empty() && f.store_key == key) {
          f.media = media;
          f.store_key.clear();
        }
    // A file the outbox could not upload (its blob gone) is dropped: the citizen picks it again.
    std::erase_if(list, [](const FilingFile& f) { return f.media.empty() && f.url.empty(); });
  }
}

void PaperAttachments::take(AppContext& ctx) {
  if (!pick_request_.empty()) {
    if (auto reply = ctx.replies.take(pick_request_)) {
      pick_request_.clear();
      const auto j = nlohmann::json::parse(*reply, nullptr, false);
      if (api::str(j, "error") == "too_large") message_ = ctx.t("services.filing.pdf_too_large");
      auto& list = files_[pick_paper_];
      // Each picked file is kept in the account's store too, so that a dossier sent offline
      // still has it when the outbox uploads it, after a reload if need be.
      const auto add = [&](const std::string& url, std::string_view kind) {
        std::string key = state::new_photo_key(ctx.session.owner());
        platform::idb::put_blob(key, url);
        list.push_back({url, "", std::string(kind), "", std::move(key)});
      };
      if (j.contains("photos")) {
        for (const auto& p : reply_member(j, "photos")) add(api::str(p, "url"), core::kFileImage);
      } else if (!api::str(j, "url").empty()) {
        add(api::str(j, "url"), core::kFilePdf);
      }
    }
  }
  if (!upload_request_.empty()) {
    if (auto reply = ctx.replies.take(upload_request_)) {
      upload_request_.clear();
      const auto j = nlohmann::json::parse(*reply, nullptr, false);
      const api::Response r{static_cast<int>(api::integer(j, "status")), api::str(j, "body")};
      auto& list = files_[upload_paper_];
      if (upload_index_ < list.size()) {
        if (r.ok()) {
          const auto body = nlohmann::json::parse(r.body, nullptr, false);
          list[upload_index_].media = api::str(reply_member(body, "file"), "id");
          list[upload_index_].kind = api::str(reply_member(body, "file"), "kind");
          if (!list[upload_index_].store_key.empty())
            platform::idb::remove(std::exchange(list[upload_index_].store_key, {}));
        } else {
          // The server refused the file (not a PDF by its content, too large): it is not kept.
          message_ = api::error_of(r).message;
          if (!list[upload_index_].store_key.empty())
            platform::idb::remove(list[upload_index_].store_key);
          list.erase(list.begin() + static_cast<long>(upload_index_));
        }
      }
    }
  }
  // The next picked file not yet uploaded goes up.
  if (upload_request_.empty() && !ctx.connectivity.offline()) {
    for (auto& [paper, list] : files_)
      for (std::size_t i = 0; i < list.size() && upload_request_.empty(); ++i)
        if (list[i].media.empty() && !list[i].url.empty()) {
          upload_paper_ = paper;
          upload_index_ = i;
          upload_request_ = ctx.replies.expect(
              platform::upload::post_blob(list[i].url, "/api/v1/dossiers/files"));
        }
  }
}

void PaperAttachments::draw_paper(AppContext& ctx, const core::Paper& paper,
                                  const std::string& error, float width) {
  const std::string id = "services.filing.paper." + paper.code;
  const std::string title = paper.name + (paper.required ? " *" : "");
  const std::string line =
      std::string(paper_form_label(ctx, paper.form)) + " · " +
      filing_text(ctx, "services.filing.paper_count", {std::to_string(paper.count)});
  ui::heading(ctx, (id + ".name").c_str(), title.c_str(), 3);
  ui::paragraph(ctx, (id + ".line").c_str(), line.c_str(), ui::Theme::kMutedText);
  auto& list = files_[paper.code];
  int images = 0, pdfs = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const FilingFile& f = list[i];
    const bool image = f.kind == core::kFileImage;
    std::string name =
        filing_text(ctx, image ? "services.filing.file_image" : "services.filing.file_pdf",
                    {std::to_string(image ? ++images : ++pdfs)});
    if (!f.name.empty()) name = filing_text(ctx, "services.filing.file_paper", {f.name});
    if (f.media.empty())
      name +=
          " · " + std::string(ctx.t(ctx.connectivity.offline() ? "services.filing.upload_waiting"
                                                               : "services.filing.uploading"));
    const std::string file_id = id + ".file." + std::to_string(i);
    if (image && !f.url.empty() && f.name.empty()) feedback_ui::thumbnail(ctx, f.url, 72);
    ui::paragraph(ctx, file_id.c_str(), name.c_str());
    const std::string remove_name = std::string(ctx.t("services.filing.remove")) + " " + name;
    if (ui::button(ctx, (file_id + ".remove").c_str(), ctx.t("services.filing.remove"), remove_name,
                   ui::ButtonKind::kSecondary, width * 0.4f) &&
        upload_request_.empty()) {
      if (!list[i].store_key.empty()) platform::idb::remove(list[i].store_key);
      list.erase(list.begin() + static_cast<long>(i));
      break;
    }
  }
  if (list.empty())
    ui::paragraph(ctx, (id + ".none").c_str(), ctx.t("services.filing.no_files"),
                  ui::Theme::kMutedText);
  if (!error.empty()) ui::paragraph(ctx, (id + ".error").c_str(), error.c_str(), ui::Theme::kError);
  const auto accepts = [&](std::string_view kind) {
    return std::find(paper.accept.begin(), paper.accept.end(), kind) != paper.accept.end();
  };
  const int room = paper.max_files - static_cast<int>(list.size());
  if (room > 0 && pick_request_.empty()) {
    if (accepts(core::kFileImage) &&
        ui::button(ctx, (id + ".photos").c_str(), ctx.t("services.filing.add_photos"),
                   std::string(ctx.t("services.filing.add_photos")) + ": " + paper.name,
                   ui::ButtonKind::kSecondary, width)) {
      pick_paper_ = paper.code;
      pick_request_ = ctx.replies.expect(platform::photo::pick(room));
    }
    if (accepts(core::kFilePdf) &&
        ui::button(ctx, (id + ".pdf").c_str(), ctx.t("services.filing.add_pdf"),
                   std::string(ctx.t("services.filing.add_pdf")) + ": " + paper.name,
                   ui::ButtonKind::kSecondary, width)) {
      pick_paper_ = paper.code;
      pick_request_ =
          ctx.replies.expect(platform::document::pick("application/pdf,.pdf", kPdfMaxBytes));
    }
    draw_store(ctx, paper, width);
  }
}

void PaperAttachments::draw_store(AppContext& ctx, const core::Paper& paper, float width) {
  const std::string id = "services.filing.paper." + paper.code + ".store";
  const std::string label = ctx.t("services.filing.from_papers");
  if (store_for_ != paper.code) {
    if (ui::button(ctx, id.c_str(), label.c_str(), label + ": " + paper.name,
                   ui::ButtonKind::kSecondary, width)) {
      store_for_ = paper.code;
      store_error_.clear();
      store_items_ = nullptr;
      store_call_.start(ctx, "GET", "/api/v1/papers/mine");
    }
    return;
  }
  if (auto r = store_call_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && body.is_object())
      store_items_ = reply_member(body, "items");
    else
      store_error_ = store_call_.error_text(ctx, *r);
  }
  if (!store_error_.empty()) ui::status_banner(ctx, (id + ".error").c_str(), store_error_.c_str());
  if (store_call_.waiting())
    ui::paragraph(ctx, (id + ".loading").c_str(), ctx.t("common.loading"), ui::Theme::kMutedText);
  if (store_items_.is_array() && store_items_.empty())
    ui::paragraph(ctx, (id + ".empty").c_str(), ctx.t("services.filing.papers_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : store_items_.is_array() ? store_items_ : nlohmann::json::array()) {
    const std::string kind = api::str(item, "kind");
    if (std::find(paper.accept.begin(), paper.accept.end(), kind) == paper.accept.end()) continue;
    const std::string item_id = id + "." + std::to_string(i++);
    const std::string line = feedback_ui::local_time(api::str(item, "created_at"));
    if (feedback_ui::card(ctx, item_id.c_str(), api::str(item, "name"), line)) {
      files_[paper.code].push_back({"", api::str(item, "name"), kind, api::str(item, "media"), ""});
      store_for_.clear();
    }
  }
}

}  // namespace cdscb::app::screens
