// Who may do what with payment orders: a citizen sees and pays only their own orders (another's
// answers as if missing); admins see every order (the list, an order's history, refunds).
#pragma once

#include "modules/accounts/sessions.h"
#include "modules/payments/orders.h"

namespace cdscb::server::payments {

inline bool may_view(const accounts::AuthUser& user, const Order& order) {
  return order.user_id == user.id || user.role == core::Role::kAdmin;
}

// Paying is for the order's owner only, even for an admin.
inline bool may_pay(const accounts::AuthUser& user, const Order& order) {
  return order.user_id == user.id;
}

// The orders list, any order's history, refunds and reconciliation.
inline bool may_administer(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

}  // namespace cdscb::server::payments
