#pragma once
// "Tạo phản ánh": title, content, field, the place on a map with a draggable pin, photos, and
// "Ẩn danh công khai". The form is saved in IndexedDB as it is typed, so a reload keeps it;
// "Gửi Phản ánh" first shows "Phản ánh tương tự" nearby (to follow one instead), then hands the
// form to the outbox, which sends it when the network allows.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/platform/map.h"
#include "app/state/feedback_form.h"

namespace screens {

class FeedbackCreate {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  struct Field {
    std::string code, name, agency;
  };
  void take_answers(AppContext& ctx);
  void draw_location(AppContext& ctx, float width);
  void draw_photos(AppContext& ctx, float width);
  void draw_similar(AppContext& ctx, float width);
  void try_send(AppContext& ctx);
  void enqueue(AppContext& ctx);
  void save_draft();
  std::string error(const char* key) const;

  state::FeedbackForm form_;
  std::string saved_json_;
  std::string draft_request_;
  bool draft_loaded_ = false;
  std::map<std::string, std::string> url_requests_;  // request id → photo key
  api::Call fields_call_;
  std::vector<Field> fields_;
  std::vector<std::string> field_names_;
  std::vector<std::string> commune_names_;
  std::string geo_request_, geo_message_;
  std::string photo_request_, photo_message_;
  std::map<std::string, std::string> errors_, server_errors_;
  bool tried_ = false;
  api::Call similar_;
  nlohmann::json similar_items_;
  bool similar_checked_ = false;
  api::Call follow_;
  std::string follow_message_;
  std::string refused_message_;
  platform::map::View view_;
};

}  // namespace screens
