#pragma once
#include <string>

#include "app/screens/screen.h"

namespace cdscb::app::screens {

// A titled screen for a service whose issue has not landed yet.
class Placeholder : public Screen {
 public:
  Placeholder(const char* title_key, std::string id) : title_key_(title_key), id_(std::move(id)) {}
  void draw(AppContext& ctx) override;

 private:
  const char* title_key_;
  std::string id_;
};

}  // namespace cdscb::app::screens
