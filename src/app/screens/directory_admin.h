#pragma once
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

// Admins' tools above the directory: "Nhập CSV" (pick a file, POST it; all or nothing, the bad
// lines listed) and "Xuất CSV" (a download of the whole directory).
class DirectoryAdmin {
 public:
  void draw(AppContext& ctx, float width);
  // Takes the picked file and the import's answer; true when the directory changed.
  bool take_answers(AppContext& ctx);

 private:
  std::string pick_request_;
  api::Call import_;
  std::string result_;              // what the last import did, or why it failed
  std::vector<std::string> lines_;  // "Dòng N: …" for each problem of a refused file
};

}  // namespace cdscb::app::screens
