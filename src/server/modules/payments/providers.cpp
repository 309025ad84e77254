#include "modules/payments/providers.h"

#include "integrations/bills/http_bill_provider.h"

namespace cdscb::server::payments {

const std::vector<ProviderInfo>& known_providers() {
  // core's table, which the app also checks customer codes with.
  static const std::vector<ProviderInfo> providers = [] {
    std::vector<ProviderInfo> all;
    for (const auto& p : core::bill_providers())
      all.push_back({std::string(p.id), p.service, std::string(p.name), p.oldest_first});
    return all;
  }();
  return providers;
}

Providers::Providers(const PaymentsConfig& config, const integrations::HttpCall& call) {
  if (config.bills_url.empty()) return;
  std::string base = config.bills_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  for (const auto& [id, secret] : config.bill_secrets) {
    integrations::HttpCall provider_call = call;
    provider_call.timeout = std::chrono::seconds(8);  // a citizen is waiting on "Tra cứu"
    clients_[id] = std::make_shared<integrations::bills::HttpBillProvider>(
        integrations::bills::HttpProviderConfig{base, id, secret, provider_call});
  }
}

Providers::Providers(
    std::map<std::string, std::shared_ptr<integrations::bills::BillProvider>> clients)
    : clients_(std::move(clients)) {}

std::optional<ProviderInfo> Providers::info(const std::string& id) const {
  if (!clients_.count(id)) return std::nullopt;
  for (const auto& provider : known_providers())
    if (provider.id == id) return provider;
  return std::nullopt;
}

std::vector<ProviderInfo> Providers::offered() const {
  std::vector<ProviderInfo> offered;
  for (const auto& provider : known_providers())
    if (clients_.count(provider.id)) offered.push_back(provider);
  return offered;
}

integrations::bills::BillProvider* Providers::client(const std::string& id) const {
  const auto it = clients_.find(id);
  return it == clients_.end() || !info(id) ? nullptr : it->second.get();
}

}  // namespace cdscb::server::payments
