// Personal-data rights (Vietnam's Decree 13/2023/NĐ-CP): what each module holds about a user, for
// "download my data" and "delete my account". The accounts module exports and erases its own
// tables; another module that keeps rows about a user adds a section to AccountsDeps.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace soci {
class session;
}

namespace cdscb::server::accounts {

struct PersonalDataSection {
  // The member of the export that holds collect()'s answer, e.g. "feedback".
  std::string name;
  // Everything the module keeps that refers to `user_id` (never secrets such as token hashes).
  std::function<nlohmann::json(soci::session& sql, long long user_id)> collect;
  // Optional. Runs inside the deletion's transaction, before the user row is anonymised: removes
  // what is personal and detaches what must stay (e.g. feedback kept for the government). The
  // user row itself stays (anonymised), so foreign keys to it remain valid.
  std::function<void(soci::session& sql, long long user_id)> erase;
};

}  // namespace cdscb::server::accounts
