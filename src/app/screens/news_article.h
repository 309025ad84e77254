#pragma once
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"
#include "app/state/news.h"

namespace cdscb::app::screens {

// One article (#/tin-tuc/<id>): cover, title, date and source, the body (headings, paragraphs
// with bold, italic and links, lists, images), "Chia sẻ", and the original page of an imported
// item. Offline it opens from the saved copy.
class NewsArticle : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void take_answers(AppContext& ctx);
  void draw_body(AppContext& ctx, float width);

  std::string id_;
  std::optional<state::Article> article_;
  api::Call call_;
  std::string cache_read_;  // request id while reading the offline copy
  bool offline_copy_ = false;
  bool missing_ = false;
  bool not_saved_ = false;
  api::ApiError error_;
  std::string share_;  // request id of "Chia sẻ"
  std::string share_notice_;
  bool scroll_to_top_ = false;
};

}  // namespace cdscb::app::screens
