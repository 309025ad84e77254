#pragma once
// "Kho giấy tờ" (#/dich-vu-cong/kho-giay-to): the citizen's saved papers and the results of their
// earlier dossiers (GET /api/v1/papers/mine), each openable; "Thêm giấy tờ" takes a name and a
// photo (downscaled, EXIF removed) or a PDF, uploads it to /api/v1/dossiers/files and saves it
// (POST /api/v1/papers); "Xóa" asks for a confirmation first.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/ui/dossier_files.h"

namespace cdscb::app::screens {

class ServicesFollowPapers {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  void take_answers(AppContext& ctx);
  void draw_add(AppContext& ctx, float width);
  void draw_item(AppContext& ctx, const nlohmann::json& paper, int i, float width);
  void upload(AppContext& ctx, const std::string& blob_url);

  std::string owner_;
  api::Call list_, save_, remove_;
  nlohmann::json items_ = nlohmann::json::array();
  bool loaded_ = false;
  std::string error_;
  // Adding one: its name, the pick, the upload, then the save.
  bool adding_ = false;
  std::string name_, name_error_;
  std::string pick_request_, upload_request_;
  // Deleting one: the id asked about, then sent.
  long long confirm_id_ = 0;
  ui::DossierFiles files_;
};

}  // namespace cdscb::app::screens
