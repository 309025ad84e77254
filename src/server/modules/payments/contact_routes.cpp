// "Danh bạ thanh toán": the customer codes a citizen pays for, each with a name they give
// ("Nhà bố mẹ"), so the next payment is one tap. The account's own, never anyone else's.
//   GET    /api/v1/payments/contacts         →
//   {"items":[{"id","service","provider","customer_code","name"}]} POST   /api/v1/payments/contacts
//   {"provider","customer_code","name"} → 201 {"item"} | 200 (the
//          code was saved: renamed) | 422 | 409 contacts_full
//   DELETE /api/v1/payments/contacts/{id}    → 204 | 404
#include <soci/soci.h>

#include "core/text.h"
#include "http/json_body.h"
#include "http/response.h"
#include "modules/payments/messages.h"
#include "modules/payments/routes.h"
#include "util/vietnamese.h"

namespace cdscb::server::payments {
namespace {

constexpr long long kMaxContacts = 50;
constexpr std::size_t kMaxName = 60;

struct Contact {
  long long id = 0;
  std::string service, provider, customer_code, name;
};

nlohmann::json contact_json(const Contact& c) {
  return {{"id", c.id},
          {"service", c.service},
          {"provider", c.provider},
          {"customer_code", c.customer_code},
          {"name", c.name}};
}

std::vector<Contact> contacts_of(soci::session& sql, long long user_id) {
  std::vector<Contact> contacts;
  Contact c;
  soci::statement st =
      (sql.prepare << "SELECT id, service, provider, customer_code, name FROM payment_contacts "
                      "WHERE user_id = :user_id ORDER BY name, id",
       soci::use(user_id), soci::into(c.id), soci::into(c.service), soci::into(c.provider),
       soci::into(c.customer_code), soci::into(c.name));
  st.execute();
  while (st.fetch()) contacts.push_back(c);
  return contacts;
}

http::Response list(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : contacts_of(sql, user.id)) items.push_back(contact_json(c));
  return http::no_store(http::Response::json(200, {{"items", items}}));
}

http::Response save(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  Contact c;
  c.provider = http::string_field(body, "provider", errors).value_or("");
  const std::string typed = http::string_field(body, "customer_code", errors).value_or("");
  c.name = http::string_field(body, "name", errors).value_or("");
  const ProviderInfo* info = nullptr;
  for (const auto& provider : known_providers())
    if (provider.id == c.provider) info = &provider;
  if (!info) {
    errors.add("provider", messages::kProviderUnknown);
  } else {
    const core::BillCodeCheck check = core::check_bill_code(info->id, typed);
    if (!check.error_key.empty()) errors.add("customer_code", util::vietnamese(check.error_key));
    c.customer_code = check.code;
    c.service = std::string(core::bill_service_name(info->service));
  }
  if (!core::is_valid_utf8(c.name)) {
    errors.add("name", http::kInvalidEncoding);
  } else if (c.name.find_first_not_of(' ') == std::string::npos) {
    errors.add("name", messages::kContactNameRequired);
  } else if (core::count_code_points(c.name) > kMaxName) {
    errors.add("name", messages::kContactNameTooLong);
  }
  errors.throw_if_any();
  db::Transaction transaction(sql, deps.database.backend());
  db::lock_name(sql, deps.database.backend(), "payments.contacts:" + std::to_string(user.id));
  long long existing = 0;
  sql << "SELECT id FROM payment_contacts WHERE user_id = :user_id AND provider = :provider AND "
         "customer_code = :code",
      soci::use(user.id), soci::use(c.provider), soci::use(c.customer_code), soci::into(existing);
  const bool found = sql.got_data();
  if (found) {
    sql << "UPDATE payment_contacts SET name = :name WHERE id = :id", soci::use(c.name),
        soci::use(existing);
    c.id = existing;
  } else {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM payment_contacts WHERE user_id = :user_id", soci::use(user.id),
        soci::into(count);
    if (count >= kMaxContacts) throw http::HttpError(409, "contacts_full", messages::kContactsFull);
    const long long now = now_seconds(deps);
    sql << "INSERT INTO payment_contacts (user_id, service, provider, customer_code, name, "
           "created_at) VALUES (:user_id, :service, :provider, :code, :name, :now)",
        soci::use(user.id), soci::use(c.service), soci::use(c.provider), soci::use(c.customer_code),
        soci::use(c.name), soci::use(now);
    sql << "SELECT id FROM payment_contacts WHERE user_id = :user_id AND provider = :provider AND "
           "customer_code = :code",
        soci::use(user.id), soci::use(c.provider), soci::use(c.customer_code), soci::into(c.id);
  }
  transaction.commit();
  return http::Response::json(found ? 200 : 201, {{"item", contact_json(c)}});
}

http::Response remove(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const std::string id(request.param("id").value_or(""));
  char* end = nullptr;
  const long long contact = std::strtoll(id.c_str(), &end, 10);
  soci::statement del = (sql.prepare << "DELETE FROM payment_contacts WHERE id = :id AND user_id = "
                                        ":user_id",
                         soci::use(contact), soci::use(user.id));
  del.execute(true);
  if (id.empty() || *end != '\0' || del.get_affected_rows() != 1)
    throw http::HttpError(404, "not_found", messages::kContactNotFound);
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace

void register_contact_routes(http::Router& router, const PaymentsDeps& deps) {
  router.get("/api/v1/payments/contacts",
             [deps](const http::Request& request) { return list(deps, request); });
  router.post("/api/v1/payments/contacts",
              [deps](const http::Request& request) { return save(deps, request); });
  router.del("/api/v1/payments/contacts/{id}",
             [deps](const http::Request& request) { return remove(deps, request); });
}

}  // namespace cdscb::server::payments
