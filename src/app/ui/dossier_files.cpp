#include "app/ui/dossier_files.h"

#include "app/platform/redirect.h"

namespace cdscb::app::ui {

std::string dossier_file_path(std::string_view code, std::string_view media, std::string_view kind,
                              bool private_route) {
  if (private_route || kind == "pdf")
    return "/api/v1/dossiers/" + std::string(code) + "/files/" + std::string(media);
  // Any stored photo has this variant (made as JPEG on first request), whatever its format.
  return "/media/" + std::string(media) + "-w960.jpg";
}

void DossierFiles::probe(AppContext& ctx, const std::string& code, const std::string& media) {
  if (code.empty() || media.empty() || probed_ == code) return;
  probed_ = code;
  private_route_ = false;
  call_.start(ctx.api, "HEAD", dossier_file_path(code, media, "", true));
}

void DossierFiles::take(AppContext& ctx) {
  if (auto r = call_.poll(ctx.api)) private_route_ = r->ok();
}

void DossierFiles::open(std::string_view code, std::string_view media,
                        std::string_view kind) const {
  platform::redirect::open_in_new_tab(dossier_file_path(code, media, kind, private_route_));
}

}  // namespace cdscb::app::ui
