#pragma once
#include <string>
#include <vector>

#include "app/api/client.h"

namespace cdscb::app::fake {

struct SentRequest {
  std::string id, method, path, body;
  std::string idempotency_key;  // the Idempotency-Key header, empty when none
};

std::vector<SentRequest>& sent();

}  // namespace cdscb::app::fake
