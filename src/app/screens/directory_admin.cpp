#include "app/screens/directory_admin.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/api/json.h"
#include "app/platform/redirect.h"
#include "app/platform/text_file.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

constexpr const char* kExportPath = "/api/v1/admin/directory.csv";
constexpr int kMaxCsvBytes = 1024 * 1024;

}  // namespace

bool DirectoryAdmin::take_answers(AppContext& ctx) {
  if (!pick_request_.empty()) {
    if (auto reply = ctx.replies.take(pick_request_)) {
      pick_request_.clear();
      const auto file = nlohmann::json::parse(*reply, nullptr, /*allow_exceptions=*/false);
      const std::string error = api::str(file, "error");
      if (error.empty()) {
        const nlohmann::json body = {{"csv", api::str(file, "text")}};
        import_.start(ctx.api, "POST", kExportPath, body.dump());
        result_ = ctx.t("directory.importing");
      } else if (error == "too_large") {
        result_ = ctx.t("directory.file_too_large");
      } else if (error != "cancelled") {
        result_ = ctx.t("directory.file_unreadable");
      }
    }
  }
  auto answer = import_.poll(ctx.api);
  if (!answer) return false;
  lines_.clear();
  if (answer->ok()) {
    const auto counts = nlohmann::json::parse(answer->body, nullptr, false);
    const auto part = [&](const char* key, const char* label) {
      return std::to_string(api::integer(counts, key)) + " " + ctx.t(label);
    };
    result_ = std::string(ctx.t("directory.import_done")) + " " +
              part("created", "directory.created") + ", " + part("updated", "directory.updated") +
              ", " + part("unchanged", "directory.unchanged") + ", " +
              part("deleted", "directory.deleted") + ".";
    return true;
  }
  result_ = api::error_of(*answer).message;
  const auto body = nlohmann::json::parse(answer->body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const auto& lines = body["error"].find("lines");
    if (lines != body["error"].end() && lines->is_array()) {
      for (const auto& line : *lines) {
        lines_.push_back(std::string(ctx.t("directory.line")) + " " +
                         std::to_string(api::integer(line, "line")) + ": " +
                         api::str(line, "message"));
      }
    }
  }
  return false;
}

void DirectoryAdmin::draw(AppContext& ctx, float width) {
  ImGui::Dummy(ImVec2(0, 6));
  ui::heading(ctx, "directory.admin_title", ctx.t("directory.admin_title"), 2);
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ui::button(ctx, "directory.import", ctx.t("directory.import"), ui::ButtonKind::kSecondary,
                 half) &&
      pick_request_.empty() && !import_.waiting()) {
    result_.clear();
    lines_.clear();
    pick_request_ = ctx.replies.expect(platform::text_file::pick(".csv,text/csv", kMaxCsvBytes));
  }
  ImGui::SameLine();
  // A real link: the browser downloads the file with the session cookie.
  if (ui::link(ctx, "directory.export", ctx.t("directory.export"), kExportPath))
    platform::redirect::go_to(kExportPath);
  if (!result_.empty()) ui::status_banner(ctx, "directory.import_result", result_.c_str());
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    ui::paragraph(ctx, ("directory.import_line." + std::to_string(i)).c_str(), lines_[i].c_str(),
                  ui::Theme::kError);
  }
}

}  // namespace cdscb::app::screens
