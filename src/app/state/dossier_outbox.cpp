#include "app/state/dossier_outbox.h"

namespace cdscb::app::state {

nlohmann::json dossier_body(const nlohmann::json& form, const std::vector<std::string>& media_ids) {
  nlohmann::json body = form.is_object() && form.contains("submission") ? form["submission"]
                                                                        : nlohmann::json::object();
  if (!body.contains("papers") || !body["papers"].is_object())
    body["papers"] = nlohmann::json::object();
  const nlohmann::json pending =
      form.is_object() && form.contains("pending") && form["pending"].is_array()
          ? form["pending"]
          : nlohmann::json::array();
  for (std::size_t i = 0; i < pending.size() && i < media_ids.size(); ++i) {
    // A file whose blob was gone has no id: it is left out, and the server says if it is missed.
    if (media_ids[i].empty() || !pending[i].is_object()) continue;
    const std::string paper = pending[i].value("paper", "");
    auto& list = body["papers"][paper];
    if (!list.is_array()) list = nlohmann::json::array();
    list.push_back({{"media", media_ids[i]}, {"kind", pending[i].value("kind", "")}});
  }
  return body;
}

}  // namespace cdscb::app::state
