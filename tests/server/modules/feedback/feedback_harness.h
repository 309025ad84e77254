// What the feedback tests share: the accounts harness (real SQLite, sessions, a clock the test
// moves) with the feedback routes beside the accounts routes, the agencies and fields of data/,
// and helpers to make officials and send feedback.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "integrations/media/media_store.h"
#include "modules/accounts/accounts_harness.h"

namespace cdscb::server::testing {

// The --public-origin the feedback routes are given.
inline constexpr std::string_view kPublicOrigin = "https://congdan.caobang.gov.vn";

class FeedbackHarness : public AccountsHarness {
 public:
  FeedbackHarness();
  // An existing migrated database, e.g. a PostgreSQL test schema (db/test_schema.h).
  explicit FeedbackHarness(db::Database& database);

  // Creates an officer (agency code) or admin (agency "") and returns a session token.
  std::string official(const std::string& role, const std::string& phone, const std::string& agency,
                       const std::string& name = "Lê Thị Hoa");
  // A citizen account with a session token.
  std::string citizen(const std::string& phone, const std::string& name = "Nông Văn Dũng");

  http::Response send(const nlohmann::json& body, const std::string& cookie,
                      const std::string& key);
  // Sends a valid feedback ("giao-thong" at 22.666, 106.258 unless `overrides` say otherwise)
  // and returns its JSON; fails the test unless it is created.
  nlohmann::json create(const std::string& cookie, const nlohmann::json& overrides = {});
  http::Response act(long long id, const nlohmann::json& body, const std::string& cookie);
  long long official_id(const std::string& phone);
  // A form post to /open311/v2/requests.json, as GeoReport clients send it.
  http::Response open311_post(const std::string& form);
  // Issues an Open311 API key as `admin`; returns the 201 answer's body (api_key, id, …).
  nlohmann::json issue_open311_key(const std::string& admin,
                                   const std::string& name = "Cổng DVC quốc gia");
  // Moves the clock forward to a Vietnam wall-clock time (UTC+7).
  void set_vietnam_time(const std::string& date, int hour, int minute);

  // Stores `bytes` in the photo store as uploaded by the account of `phone` (as POST
  // /api/v1/media records it): only its uploader may attach it.
  media::StoredImage upload(const std::string& phone, std::string_view bytes);

  // The real photo store the routes check ids against, in its own temporary directory.
  TempDir media_dir;
  std::shared_ptr<const media::MediaStore> media_store;

 private:
  void load_and_register();
};

// A valid draft body.
nlohmann::json draft();
// A fresh idempotency key.
std::string new_key();

}  // namespace cdscb::server::testing
