#include "core/bill_codes.h"

namespace cdscb::core {
namespace {

struct ServiceRow {
  BillService service;
  std::string_view name;
  std::string_view label_key;
};

constexpr std::array<ServiceRow, 3> kServices{{
    {BillService::kElectricity, "electricity", "payments.service.electricity"},
    {BillService::kWater, "water", "payments.service.water"},
    {BillService::kTelecom, "telecom", "payments.service.telecom"},
}};

const ServiceRow& row(BillService service) {
  for (const auto& r : kServices)
    if (r.service == service) return r;
  return kServices[0];
}

constexpr std::string_view kSevenDigits = "DDDDDDD";

// The providers' own rules: Điện lực Cao Bằng's EVN codes begin PA14 (EVNNPC's PA, the
// province's 14); mobile numbers are 10 digits behind each network's prefixes.
constexpr std::array<BillProvider, 5> kProviders{{
    {"evn",
     BillService::kElectricity,
     "Điện lực Cao Bằng",
     true,
     {{{"PA14", "XXXXXXXXX"}}},
     "validation.payments.code_evn"},
    {"water",
     BillService::kWater,
     "Cấp nước Cao Bằng",
     false,
     {{{"", "LLDDDDDD"}}},
     "validation.payments.code_water"},
    {"vnpt",
     BillService::kTelecom,
     "VNPT",
     true,
     {{{"088|091|094|081|082|083|084|085", kSevenDigits}, {"0206", kSevenDigits}}},
     "validation.payments.code_vnpt"},
    {"viettel",
     BillService::kTelecom,
     "Viettel",
     false,
     {{{"086|096|097|098|032|033|034|035|036|037|038|039", kSevenDigits}}},
     "validation.payments.code_viettel"},
    {"mobifone",
     BillService::kTelecom,
     "MobiFone",
     false,
     {{{"089|090|093|070|076|077|078|079", kSevenDigits}}},
     "validation.payments.code_mobifone"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }

bool matches_rest(std::string_view code, std::string_view rest) {
  if (code.size() != rest.size()) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    const bool ok = rest[i] == 'D'   ? is_digit(c)
                    : rest[i] == 'L' ? is_letter(c)
                                     : is_digit(c) || is_letter(c);
    if (!ok) return false;
  }
  return true;
}

bool matches(std::string_view code, const CodeForm& form) {
  if (form.rest.empty()) return false;
  std::string_view prefixes = form.prefixes;
  while (true) {
    const size_t bar = prefixes.find('|');
    const std::string_view prefix = prefixes.substr(0, bar);
    if (code.starts_with(prefix) && matches_rest(code.substr(prefix.size()), form.rest))
      return true;
    if (bar == std::string_view::npos) return false;
    prefixes.remove_prefix(bar + 1);
  }
}

}  // namespace

std::string_view bill_service_name(BillService service) { return row(service).name; }

std::string_view bill_service_label_key(BillService service) { return row(service).label_key; }

std::optional<BillService> parse_bill_service(std::string_view name) {
  for (const auto& r : kServices)
    if (r.name == name) return r.service;
  return std::nullopt;
}

std::span<const BillProvider> bill_providers() { return kProviders; }

const BillProvider* find_bill_provider(std::string_view id) {
  for (const auto& p : kProviders)
    if (p.id == id) return &p;
  return nullptr;
}

BillCodeCheck check_bill_code(std::string_view provider_id, std::string_view typed) {
  BillCodeCheck check;
  for (char c : typed) {
    if (c == ' ' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_letter(c) && !is_digit(c)) {  // punctuation, quotes, or any byte of a non-ASCII one
      check.error_key = "validation.payments.code_characters";
      return check;
    }
    check.code += c;
  }
  const BillProvider* provider = find_bill_provider(provider_id);
  if (check.code.empty()) {
    check.error_key = "validation.payments.code_required";
  } else if (provider) {
    bool ok = false;
    for (const auto& form : provider->forms) ok = ok || matches(check.code, form);
    if (!ok) check.error_key = provider->code_error_key;
  }
  if (!check.error_key.empty()) check.code.clear();
  return check;
}

}  // namespace cdscb::core
