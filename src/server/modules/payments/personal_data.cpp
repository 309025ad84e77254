#include "modules/payments/personal_data.h"

#include <soci/soci.h>

#include "modules/payments/order_json.h"
#include "modules/payments/orders.h"

namespace cdscb::server::payments {

accounts::PersonalDataSection payments_personal_data() {
  return {
      .name = "payments",
      .collect =
          [](soci::session& sql, long long user_id) {
            nlohmann::json orders = nlohmann::json::array();
            for (long long before = 0;;) {
              const auto page = orders_of(sql, user_id, before, 200);
              for (const auto& order : page) orders.push_back(order_json(order));
              if (page.size() < 200) break;
              before = page.back().id;
            }
            nlohmann::json contacts = nlohmann::json::array();
            std::string provider, code, name;
            soci::statement st =
                (sql.prepare << "SELECT provider, customer_code, name FROM payment_contacts WHERE "
                                "user_id = :user_id ORDER BY id",
                 soci::use(user_id), soci::into(provider), soci::into(code), soci::into(name));
            st.execute();
            while (st.fetch())
              contacts.push_back({{"provider", provider}, {"customer_code", code}, {"name", name}});
            return nlohmann::json{{"orders", orders}, {"contacts", contacts}};
          },
      // The saved codes go; the orders stay, as accounting records of money taken (their customer
      // name and address were kept masked), tied to the anonymised account.
      .erase =
          [](soci::session& sql, long long user_id) {
            sql << "DELETE FROM payment_contacts WHERE user_id = :user_id", soci::use(user_id);
          },
  };
}

}  // namespace cdscb::server::payments
