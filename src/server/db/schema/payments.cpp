#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// Payment orders (see modules/payments/): one per set of bills a citizen pays together, with
// the bills copied from the provider's answer (amounts are the provider's, never the app's).
//  - payment_bill_holds: a bill belongs to at most one live order (its primary key), so two tabs
//    cannot start two payments of one bill; a failed or expired order releases its bills.
//  - payment_events: every message of the gateway, the bank and the provider, kept verbatim.
//  - payment_contacts: "Danh bạ thanh toán", the customer codes a citizen saved with a name.
void create_payments(soci::session& sql, Backend backend) {
  sql << std::string("CREATE TABLE payment_orders (") + "  id " + id_column(backend) +
             ","
             "  code TEXT NOT NULL UNIQUE,"
             "  user_id BIGINT NOT NULL,"
             "  service TEXT NOT NULL,"
             "  provider TEXT NOT NULL,"
             "  customer_code TEXT NOT NULL,"
             "  customer_name TEXT NOT NULL,"
             "  customer_address TEXT NOT NULL,"
             "  amount BIGINT NOT NULL,"
             "  status TEXT NOT NULL,"
             "  method TEXT,"
             "  created_at BIGINT NOT NULL,"
             "  expires_at BIGINT NOT NULL,"
             "  updated_at BIGINT NOT NULL,"
             "  gateway_started_at BIGINT,"
             "  paid_at BIGINT,"
             "  paid_amount BIGINT,"
             "  gateway_transaction TEXT,"
             "  bank_code TEXT,"
             "  delivered_at BIGINT,"
             "  provider_payment_id TEXT,"
             "  delivery_problem TEXT"
             ")";
  sql << "CREATE INDEX payment_orders_user ON payment_orders (user_id, id)";
  // The settlement reads by status and expiry; the admins' list filters by status or provider.
  sql << "CREATE INDEX payment_orders_status ON payment_orders (status, expires_at)";
  sql << "CREATE INDEX payment_orders_status_id ON payment_orders (status, id)";
  sql << "CREATE INDEX payment_orders_provider_id ON payment_orders (provider, id)";
  sql << "CREATE INDEX payment_orders_paid_at ON payment_orders (paid_at)";
  sql << "CREATE TABLE payment_order_bills ("
         "  order_id BIGINT NOT NULL REFERENCES payment_orders (id) ON DELETE CASCADE,"
         "  position INTEGER NOT NULL,"
         "  bill_id TEXT NOT NULL,"
         "  period TEXT NOT NULL,"
         "  amount BIGINT NOT NULL,"
         "  due_date TEXT NOT NULL,"
         "  PRIMARY KEY (order_id, bill_id)"
         ")";
  sql << "CREATE TABLE payment_bill_holds ("
         "  provider TEXT NOT NULL,"
         "  bill_id TEXT NOT NULL,"
         "  order_id BIGINT NOT NULL REFERENCES payment_orders (id) ON DELETE CASCADE,"
         "  PRIMARY KEY (provider, bill_id)"
         ")";
  sql << "CREATE INDEX payment_bill_holds_order ON payment_bill_holds (order_id)";
  sql << std::string("CREATE TABLE payment_events (") + "  id " + id_column(backend) +
             ","
             "  order_id BIGINT REFERENCES payment_orders (id) ON DELETE CASCADE,"
             "  source TEXT NOT NULL,"
             "  outcome TEXT NOT NULL,"
             "  message TEXT NOT NULL,"
             "  received_at BIGINT NOT NULL"
             ")";
  sql << "CREATE INDEX payment_events_order ON payment_events (order_id, id)";
  sql << std::string("CREATE TABLE payment_contacts (") + "  id " + id_column(backend) +
             ","
             "  user_id BIGINT NOT NULL,"
             "  service TEXT NOT NULL,"
             "  provider TEXT NOT NULL,"
             "  customer_code TEXT NOT NULL,"
             "  name TEXT NOT NULL,"
             "  created_at BIGINT NOT NULL,"
             "  UNIQUE (user_id, provider, customer_code)"
             ")";
}

// What an order pays: "bills" (a provider's bills, delivered to it) or "dossier_fee" (the fee of
// a "Dịch vụ công" dossier: its one line is the dossier, its payee the receiving agency, whose
// name is kept beside the agency's code in `provider`).
void add_payment_purpose(soci::session& sql, Backend) {
  sql << "ALTER TABLE payment_orders ADD COLUMN purpose TEXT NOT NULL DEFAULT 'bills'";
  sql << "ALTER TABLE payment_orders ADD COLUMN payee_name TEXT";
}

}  // namespace cdscb::server::db::schema
