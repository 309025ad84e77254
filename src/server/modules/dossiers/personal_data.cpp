#include "modules/dossiers/personal_data.h"

#include <soci/soci.h>

#include "core/time_text.h"
#include "modules/dossiers/dossier_json.h"
#include "modules/dossiers/store.h"

namespace cdscb::server::dossiers {

accounts::PersonalDataSection dossiers_personal_data() {
  return {
      .name = "dossiers",
      .collect =
          [](soci::session& sql, long long user_id) {
            nlohmann::json dossiers = nlohmann::json::array();
            for (long long before = 0;;) {
              const auto page = list_dossiers(sql, {.user_id = user_id}, before, std::nullopt, 200);
              for (const auto& d : page) {
                nlohmann::json j = summary_json(d, 0, "");
                j["values"] = d.values;
                j["papers"] = d.papers;
                dossiers.push_back(j);
              }
              if (page.size() < 200) break;
              before = page.back().id;
            }
            nlohmann::json papers = nlohmann::json::array();
            std::string name, media, kind;
            long long created_at = 0;
            soci::statement st =
                (sql.prepare << "SELECT name, media, kind, created_at FROM citizen_papers WHERE "
                                "user_id = :user_id ORDER BY id",
                 soci::use(user_id), soci::into(name), soci::into(media), soci::into(kind),
                 soci::into(created_at));
            st.execute();
            while (st.fetch())
              papers.push_back({{"name", name},
                                {"media", media},
                                {"kind", kind},
                                {"created_at", core::format_rfc3339(created_at)}});
            return nlohmann::json{{"dossiers", dossiers}, {"papers", papers}};
          },
      .erase =
          [](soci::session& sql, long long user_id) {
            sql << "DELETE FROM citizen_papers WHERE user_id = :user_id", soci::use(user_id);
          },
  };
}

}  // namespace cdscb::server::dossiers
