#pragma once
// "Quản lý camera" (admins only, #/quan-ly-camera): every camera with its status, hidden or in
// maintenance; "Thêm camera" (#/quan-ly-camera/moi) and editing one (#/quan-ly-camera/<code>):
// its code (new ones only), name, commune, place, coordinates, kind, the source address (kept on
// the server, never shown to citizens), maintenance and published.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/cameras_ui.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

class AdminCameras : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Row {
    CameraInfo camera;
    std::string source_url;
    bool published = true;
    bool maintenance = false;
  };
  void load(AppContext& ctx);
  void take_answers(AppContext& ctx);
  void open_form(const std::string& param);
  void draw_list(AppContext& ctx, float width);
  void draw_form(AppContext& ctx, float width);
  void save(AppContext& ctx);

  std::vector<Row> rows_;
  bool loaded_ = false;
  api::Call list_, save_;
  api::ApiError error_, form_error_;
  std::string notice_;
  std::string param_ = "\x01";  // the form shown: "" none, "moi" a new camera, else a code
  // The form's fields.
  std::string code_, name_, place_, lat_, lng_, source_url_;
  std::string loaded_source_url_;
  int commune_ = -1, kind_ = -1;
  bool maintenance_ = false, published_ = true;
};

}  // namespace cdscb::app::screens
