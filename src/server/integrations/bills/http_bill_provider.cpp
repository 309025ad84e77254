#include "integrations/bills/http_bill_provider.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "security/hmac.h"

namespace cdscb::server::integrations::bills {
namespace {

using nlohmann::json;

// Codes reach a provider only as letters, digits, '-' and '_' (core::check_bill_code has
// normalised customer codes already), so a path segment never needs escaping.
bool safe_segment(const std::string& text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

Failure failure_of(int status, const std::string& code) {
  if (code == "INVALID_CUSTOMER_CODE") return Failure::kInvalidCode;
  if (code == "CUSTOMER_NOT_FOUND" || (status == 404 && code == "NOT_FOUND"))
    return Failure::kNotFound;
  if (code == "CONFIRM_REFUSED") return Failure::kRetryLater;
  if (code == "BILL_ALREADY_PAID") return Failure::kBillTaken;
  if (status >= 500 || status == 401 || status == 429) return Failure::kUnavailable;
  return Failure::kRejected;
}

// The provider's error as a failure; an answer that is not the documented JSON is kUnavailable.
template <typename T>
Outcome<T> refused(const HttpReply& reply) {
  Outcome<T> outcome;
  const json body = json::parse(reply.body, nullptr, false);
  std::string code;
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    code = body["error"].value("code", "");
    outcome.detail = code + ": " + body["error"].value("message", "");
  } else {
    outcome.detail = "HTTP " + std::to_string(reply.status);
  }
  outcome.failure = failure_of(reply.status, code);
  return outcome;
}

Confirmation confirmation_from(const json& j) {
  Confirmation c;
  c.payment_id = j.at("payment_id").get<std::string>();
  c.order_code = j.at("order_code").get<std::string>();
  c.customer_code = j.at("customer_code").get<std::string>();
  c.bill_ids = j.at("bill_ids").get<std::vector<std::string>>();
  c.amount = j.at("amount").get<std::int64_t>();
  c.confirmed_at = j.value("confirmed_at", "");
  return c;
}

template <typename T>
Outcome<T> unavailable(std::string detail) {
  Outcome<T> outcome;
  outcome.failure = Failure::kUnavailable;
  outcome.detail = std::move(detail);
  return outcome;
}

// Reads a 2xx body with `read`; an unreadable one counts as the provider being unavailable.
template <typename T, typename Read>
Outcome<T> read_reply(const std::optional<HttpReply>& reply, const std::string& detail, Read read) {
  if (!reply) return unavailable<T>(detail);
  if (reply->status < 200 || reply->status >= 300) return refused<T>(*reply);
  try {
    Outcome<T> outcome;
    outcome.value = read(json::parse(reply->body));
    return outcome;
  } catch (const std::exception& e) {
    return unavailable<T>(std::string("unreadable answer: ") + e.what());
  }
}

}  // namespace

HttpBillProvider::HttpBillProvider(HttpProviderConfig config)
    : config_(std::move(config)), base_(parse_http_url(config_.base_url)) {}

std::optional<HttpReply> HttpBillProvider::send(const std::string& method,
                                                const std::string& target, const std::string& body,
                                                std::string& detail) {
  if (!base_) {
    detail = "bad provider URL";
    return std::nullopt;
  }
  HttpUrl url = *base_;
  std::string prefix = url.target == "/" ? "" : url.target;
  if (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  url.target = prefix + target;
  const std::string timestamp =
      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
  HttpCall call = config_.call;
  call.method = method;
  call.body = body;
  call.headers.emplace_back("X-Timestamp", timestamp);
  call.headers.emplace_back(
      "X-Signature", security::hmac_sha256_hex(config_.secret, method + "\n" + url.target + "\n" +
                                                                   timestamp + "\n" + body));
  if (!body.empty()) call.headers.emplace_back("Content-Type", "application/json");
  try {
    return http_call(url, call);
  } catch (const std::exception& e) {
    detail = e.what();
    return std::nullopt;
  }
}

Outcome<Customer> HttpBillProvider::lookup(const std::string& customer_code) {
  if (!safe_segment(customer_code)) return {std::nullopt, Failure::kInvalidCode, "unsafe code"};
  std::string detail;
  const auto reply =
      send("GET", "/v1/" + config_.provider_id + "/customers/" + customer_code, "", detail);
  return read_reply<Customer>(reply, detail, [](const json& j) {
    Customer customer;
    customer.name = j.at("customer").at("name").get<std::string>();
    customer.address = j.at("customer").at("address").get<std::string>();
    for (const auto& b : j.at("bills")) {
      OpenBill bill{b.at("bill_id").get<std::string>(), b.at("period").get<std::string>(),
                    b.at("amount").get<std::int64_t>(), b.value("due_date", "")};
      if (bill.amount <= 0) throw std::runtime_error("a bill without a positive amount");
      customer.bills.push_back(std::move(bill));
    }
    std::sort(customer.bills.begin(), customer.bills.end(),
              [](const OpenBill& a, const OpenBill& b) { return a.period < b.period; });
    return customer;
  });
}

Outcome<Confirmation> HttpBillProvider::confirm(const ConfirmRequest& request) {
  if (!safe_segment(request.order_code) || !safe_segment(request.customer_code))
    return {std::nullopt, Failure::kRejected, "unsafe code"};
  const json body{{"order_code", request.order_code},
                  {"customer_code", request.customer_code},
                  {"bill_ids", request.bill_ids},
                  {"amount", request.amount}};
  std::string detail;
  const auto reply = send("POST", "/v1/" + config_.provider_id + "/payments", body.dump(), detail);
  return read_reply<Confirmation>(reply, detail, confirmation_from);
}

Outcome<Confirmation> HttpBillProvider::find_confirmation(const std::string& order_code) {
  if (!safe_segment(order_code)) return {std::nullopt, Failure::kNotFound, "unsafe code"};
  std::string detail;
  const auto reply =
      send("GET", "/v1/" + config_.provider_id + "/payments/" + order_code, "", detail);
  return read_reply<Confirmation>(reply, detail, confirmation_from);
}

Outcome<std::vector<Confirmation>> HttpBillProvider::confirmations_of_day(const std::string& day) {
  if (!safe_segment(day)) return {std::nullopt, Failure::kRejected, "bad day"};
  std::string detail;
  const auto reply =
      send("GET", "/v1/" + config_.provider_id + "/payments?date=" + day, "", detail);
  return read_reply<std::vector<Confirmation>>(reply, detail, [](const json& j) {
    std::vector<Confirmation> list;
    for (const auto& p : j.at("payments")) list.push_back(confirmation_from(p));
    return list;
  });
}

}  // namespace cdscb::server::integrations::bills
