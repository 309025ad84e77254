#pragma once
// Where a dossier's files (its papers, its result) are opened: the one place that knows the URL.
// The private route GET /api/v1/dossiers/<code>/files/<id> (the owner and the officials of its
// agency) is asked once per dossier with HEAD; while a server does not have it yet, photos open
// through /media/ (PDFs are never served there).
#include <string>
#include <string_view>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::ui {

// "/api/v1/dossiers/<code>/files/<media>", or the /media/ address of a photo.
std::string dossier_file_path(std::string_view code, std::string_view media, std::string_view kind,
                              bool private_route);

class DossierFiles {
 public:
  // Asks whether the private route serves `media` of dossier `code` (once per dossier).
  void probe(AppContext& ctx, const std::string& code, const std::string& media);
  void take(AppContext& ctx);
  // Opens the file in a new tab (the browser shows a PDF or a photo, and offers to save it).
  void open(std::string_view code, std::string_view media, std::string_view kind) const;

 private:
  api::Call call_;
  std::string probed_;
  bool private_route_ = false;
};

}  // namespace cdscb::app::ui
