#pragma once
#include "app/screens/screen.h"

namespace screens {

// The home screen: the province's header and the six service tiles of the user guide.
class Home : public Screen {
 public:
  void draw(AppContext& ctx) override;
};

}  // namespace screens
