// The safe block list (core/news.h) as the JSON of the API contract, and back (bodies are stored
// as this JSON).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/news.h"

namespace cdscb::server::news {

nlohmann::json blocks_to_json(const std::vector<core::Block>& blocks);
// Unknown or malformed entries are skipped.
std::vector<core::Block> blocks_from_json(const nlohmann::json& value);

}  // namespace cdscb::server::news
