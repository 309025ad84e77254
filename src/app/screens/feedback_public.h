#pragma once
// "Phản ánh công khai": published feedback anyone can browse (no personal data), filtered by
// field, status and commune, searched by words (the server folds diacritics), paged by cursor;
// or, with "Bản đồ", the same filters on a map (feedback_public_map.h).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/screens/feedback_public_map.h"
#include "core/feedback_record.h"

namespace cdscb::app::screens {

class FeedbackPublic {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  void load(AppContext& ctx, bool more);
  void draw_filters(AppContext& ctx, float width);
  void draw_mode_switch(AppContext& ctx, float width);
  void draw_list(AppContext& ctx, float width);
  // The chosen field, status and commune as query parameters ("&field=…"), "" for none.
  std::string filter_query() const;

  api::Call fields_call_;
  api::Call list_;
  std::vector<std::string> field_codes_;  // "" first: every field
  std::vector<std::string> field_names_;
  std::vector<std::string> status_names_;
  std::vector<std::string> commune_names_;
  int field_ = 0, status_ = 0, commune_ = 0;
  std::string query_;
  std::vector<core::FeedbackRecord> items_;
  std::string next_cursor_;
  std::string error_;
  bool loaded_ = false;
  bool appending_ = false;
  bool map_mode_ = false;
  FeedbackPublicMap map_;
};

}  // namespace cdscb::app::screens
