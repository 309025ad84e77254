#pragma once
#include <string>
#include <vector>

#include "app/api/client.h"

namespace fake {

struct SentRequest {
  std::string id, method, path, body;
};

std::vector<SentRequest>& sent();

}  // namespace fake
