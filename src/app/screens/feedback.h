#pragma once
#include <string>

#include "app/screens/screen.h"

namespace screens {

// Phản ánh kiến nghị. Until its issue lands: the title field and the map of "Vị trí phản ánh",
// which prove text input through the mirror and the map overlay.
class Feedback : public Screen {
 public:
  void draw(AppContext& ctx) override;

 private:
  std::string title_;
};

}  // namespace screens
