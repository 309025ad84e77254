#include "core/bill_codes.h"

#include <array>

namespace core {
namespace {

struct ServiceRow {
  BillService service;
  std::string_view name;
  std::string_view label_key;
  size_t min_length;
  size_t max_length;
  std::string_view prefix;
  std::string_view error_key;
};

constexpr std::array<ServiceRow, 3> kServices{{
    {BillService::kElectricity, "electricity", "payments.service.electricity", 13, 13, "PA",
     "validation.payments.code_electricity"},
    {BillService::kWater, "water", "payments.service.water", 5, 15, "", "validation.payments.code_water"},
    {BillService::kTelecom, "telecom", "payments.service.telecom", 6, 20, "",
     "validation.payments.code_telecom"},
}};

const ServiceRow& row(BillService service) {
  for (const auto& r : kServices)
    if (r.service == service) return r;
  return kServices[0];
}

}  // namespace

std::string_view bill_service_name(BillService service) { return row(service).name; }

std::string_view bill_service_label_key(BillService service) { return row(service).label_key; }

std::optional<BillService> parse_bill_service(std::string_view name) {
  for (const auto& r : kServices)
    if (r.name == name) return r.service;
  return std::nullopt;
}

BillCodeCheck check_bill_code(BillService service, std::string_view typed) {
  const ServiceRow& rule = row(service);
  BillCodeCheck check;
  for (char c : typed) {
    if (c == ' ' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!allowed) {  // punctuation, quotes, or any byte of a non-ASCII character
      check.error_key = "validation.payments.code_characters";
      return check;
    }
    check.code += c;
  }
  if (check.code.empty())
    check.error_key = "validation.payments.code_required";
  else if (check.code.size() < rule.min_length || check.code.size() > rule.max_length ||
           check.code.compare(0, rule.prefix.size(), rule.prefix) != 0)
    check.error_key = rule.error_key;
  if (!check.error_key.empty()) check.code.clear();
  return check;
}

}  // namespace core
