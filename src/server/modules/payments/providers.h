// The bill providers "Thanh toán không tiền mặt" offers: electricity (Điện lực Cao Bằng), water
// (the province's water company) and telecom (VNPT, Viettel, MobiFone), with the rules each
// applies (whether unpaid periods must be paid oldest first). Only providers configured with a
// secret are offered.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bill_codes.h"
#include "integrations/bills/bill_provider.h"
#include "integrations/http_client.h"
#include "payments_config.h"

namespace cdscb::server::payments {

struct ProviderInfo {
  std::string id;  // "evn"
  core::BillService service;
  std::string name;           // "Điện lực Cao Bằng"
  bool oldest_first = false;  // a newer period cannot be paid while an older one is unpaid
};

// Every provider the service knows (core::bill_providers()), configured or not, in the order the
// app lists them.
const std::vector<ProviderInfo>& known_providers();

// The configured providers and their clients; shared by the routes and the delivery job.
class Providers {
 public:
  // Providers from the config (none when bills are not configured). `call` carries the
  // outbound address policy and CA file.
  Providers(const PaymentsConfig& config, const integrations::HttpCall& call);
  // For tests: any clients.
  explicit Providers(
      std::map<std::string, std::shared_ptr<integrations::bills::BillProvider>> clients);

  // The info of a configured provider; nullopt for an unknown or unconfigured one.
  std::optional<ProviderInfo> info(const std::string& id) const;
  std::vector<ProviderInfo> offered() const;
  // The client of a configured provider (info() has it); nullptr otherwise.
  integrations::bills::BillProvider* client(const std::string& id) const;

 private:
  std::map<std::string, std::shared_ptr<integrations::bills::BillProvider>> clients_;
};

}  // namespace cdscb::server::payments
