// An order as the API answers it.
#pragma once

#include <nlohmann/json.hpp>

#include "modules/payments/orders.h"

namespace cdscb::server::payments {

// {"code","service","provider","provider_name","customer_code","customer":{"name","address"},
//  "amount","status","method","created_at","expires_at","bills":[…], and once paid "receipt":
//  {"paid_at","gateway_transaction","bank_code"}; once delivered "delivered_at"}.
nlohmann::json order_json(const Order& order);

// [{"bill_id","period","amount","due_date"}], as in an order and in a lookup's answer.
nlohmann::json bills_json(const std::vector<OrderBill>& bills);

}  // namespace cdscb::server::payments
