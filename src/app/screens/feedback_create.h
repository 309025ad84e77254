#pragma once
// "Tạo phản ánh": title, content, field, the place on a map with a draggable pin, photos, and
// "Ẩn danh công khai". The form is saved in IndexedDB as it is typed, so a reload keeps it;
// "Gửi Phản ánh" first shows "Phản ánh tương tự" nearby (to follow one instead), then hands the
// form to the outbox, which sends it when the network allows. A feedback the server refused comes
// back here from "Cá nhân" with the server's messages; the draft waits aside meanwhile. Draft,
// photos and refused feedback are the signed-in account's, kept under its prefix: another account
// signing in starts from an empty form. Signed out, the form fills in memory only, and becomes
// the draft of whoever signs in from it. The fields come from the device when offline.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/platform/map.h"
#include "app/screens/feedback_similar.h"
#include "app/state/feedback_form.h"
#include "app/state/reference_data.h"

namespace cdscb::app::screens {

class FeedbackCreate {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);
  // Shows the refused feedback `key` (Outbox::refused) to fix; edits are kept in its record.
  void open_refused(AppContext& ctx, const std::string& key);

 private:
  struct Field {
    std::string code, name, agency;
  };
  void take_answers(AppContext& ctx);
  void follow_owner(AppContext& ctx);
  void take_fields(const std::string& body);
  void draw_location(AppContext& ctx, float width);
  void draw_photos(AppContext& ctx, float width);
  void try_send(AppContext& ctx);
  void enqueue(AppContext& ctx);
  void show(state::FeedbackForm form);
  void close_refused(AppContext& ctx, bool drop_photos);
  void load_photo_urls(AppContext& ctx, const state::FeedbackForm& form);
  void save_draft(AppContext& ctx);
  std::string error(const char* key) const;

  state::FeedbackForm form_;
  std::string owner_;  // whose draft the form is (empty: signed out, kept in memory only)
  std::string saved_json_;
  std::string draft_request_;
  bool draft_loaded_ = false;
  std::map<std::string, std::string> url_requests_;  // request id → photo key
  state::ReferenceData fields_data_{"/api/v1/feedback/fields"};
  std::vector<Field> fields_;
  std::vector<std::string> field_names_;
  std::vector<std::string> commune_names_;
  std::string geo_request_, geo_message_;
  std::string photo_request_, photo_message_;
  std::map<std::string, std::string> errors_, server_errors_;
  bool tried_ = false;
  FeedbackSimilar similar_;
  std::string refused_message_;
  std::string refused_key_;          // the refused feedback being fixed, if any
  nlohmann::json refused_json_;      // its form when opened: a field changed since loses its error
  state::FeedbackForm draft_aside_;  // the draft, while a refused feedback is in the form
  platform::map::View view_;
};

}  // namespace cdscb::app::screens
