#pragma once
// The papers of a dossier being filed or supplemented ("Thành phần hồ sơ"): for each paper,
// photos of its pages (camera or gallery, downscaled and without EXIF) or a PDF, or a paper from
// "Kho giấy tờ" (GET /api/v1/papers/mine); each file listed and removable, uploaded one at a time
// to /api/v1/dossiers/files as soon as it is picked (the server checks its content).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "core/form_validation.h"

namespace cdscb::app::screens {

// A file attached to a paper: picked on this device (a blob: URL) or from "Kho giấy tờ" (its
// name) and, once uploaded, the server's media id and kind.
struct FilingFile {
  std::string url;
  std::string name;
  std::string kind;  // core::kFileImage or core::kFilePdf
  std::string media;
  std::string store_key;  // the picked file kept in the device's store until uploaded
};

// A picked file not uploaded yet, for the outbox to upload: its paper, kind and store key.
struct PendingFile {
  std::string paper, kind, store_key;
};

class PaperAttachments {
 public:
  // Takes picked files and upload answers, and starts the next upload; call every frame.
  void take(AppContext& ctx);
  // The paper's name, form and count, its files with "Xóa", `error` and the ways to attach.
  void draw_paper(AppContext& ctx, const core::Paper& paper, const std::string& error, float width);
  // The uploaded files, as sent.
  core::PaperFiles files() const;
  // Every file, those still to upload with a stand-in id: what core's validate_papers checks
  // (a required paper photographed offline is attached).
  core::PaperFiles files_to_check() const;
  std::size_t count(const std::string& paper) const;
  // Files uploaded earlier (a draft).
  void restore(const core::PaperFiles& files);
  // Whether a file is being picked or uploaded.
  bool uploading() const { return !pick_request_.empty() || !upload_request_.empty(); }
  // The files not uploaded yet (offline), in order; their stored blobs go with the outbox item.
  std::vector<PendingFile> pending() const;
  // The outbox gave the files of `keys` these media ids (a refused dossier comes back).
  void uploaded_elsewhere(const std::vector<std::pair<std::string, std::string>>& key_media);
  // A message for the page's banner (a refused file, a PDF too large), once.
  std::string take_message() { return std::exchange(message_, {}); }

 private:
  void draw_store(AppContext& ctx, const core::Paper& paper, float width);

  std::map<std::string, std::vector<FilingFile>> files_;  // paper code → files
  std::string pick_request_, pick_paper_, upload_request_, upload_paper_, message_;
  std::size_t upload_index_ = 0;
  payments_ui::TimedCall store_call_;
  std::string store_for_, store_error_;  // the paper whose "Kho giấy tờ" list is open
  nlohmann::json store_items_;
};

}  // namespace cdscb::app::screens
