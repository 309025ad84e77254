// What the "Dịch vụ công" tests share: the accounts harness (database, clock, router) with the
// dossier routes beside it, the seeded catalogue (data/procedures, data/dossier_units.csv,
// agencies), a media store in a temporary directory, officers of two agencies, and calls with an
// Idempotency-Key or a raw body.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "modules/accounts/accounts_harness.h"
#include "modules/dossiers/routes.h"
#include "test_support.h"

namespace cdscb::server::testing {

// The sample procedure of "Cấp Phiếu lý lịch tư pháp" (so-tu-phap, fee 200,000 đ, 10 days) and
// "Đăng ký khai sinh" (the UBND of the citizen's commune, no fee).
inline constexpr char kLltp[] = "MAU-LLTP-01";
inline constexpr char kLltpAgency[] = "so-tu-phap";
inline constexpr char kLltpUnit[] = "000.00.02.H13";

class DossiersHarness {
 public:
  // A fresh database on the run's backend, or `database` (migrated).
  explicit DossiersHarness(db::Database* database = nullptr);

 private:
  std::unique_ptr<AccountsHarness> owned_;

 public:
  AccountsHarness& accounts;
  TempDir dir;
  std::shared_ptr<const media::MediaStore> media;

  // A signed-in citizen (a new account per phone); an officer of `agency`; an admin.
  std::string citizen(const std::string& phone, const std::string& name = "Nông Văn Dũng");
  std::string official(const std::string& phone, core::Role role, const std::string& agency);

  http::Response call(const std::string& method, const std::string& target, const std::string& body,
                      const std::string& cookie, const std::string& idempotency_key = "",
                      const std::string& ip = "203.0.113.7");
  http::Response get(const std::string& target, const std::string& cookie = "") {
    return call("GET", target, "", cookie);
  }
  http::Response post(const std::string& target, const nlohmann::json& body,
                      const std::string& cookie) {
    return call("POST", target, body.is_null() ? "{}" : body.dump(), cookie);
  }
  // POST /api/v1/dossiers/files; the answer.
  http::Response upload(const std::string& bytes, const std::string& cookie);
  // Its file id (fails the test unless 201).
  std::string upload_id(const std::string& bytes, const std::string& cookie);
  // POST /api/v1/dossiers with a new Idempotency-Key (or `key`).
  http::Response file(const nlohmann::json& body, const std::string& cookie,
                      const std::string& key = "");
  // A valid filing body for kLltp with one photo as its "to_khai" paper.
  nlohmann::json lltp_body(const std::string& photo_id);
  // Files kLltp with a fresh photo; the dossier code (fails unless 201).
  std::string file_lltp(const std::string& cookie);
  // POST /api/v1/officer/dossiers/{code}/{action}.
  http::Response act(const std::string& code, const std::string& action, const nlohmann::json& body,
                     const std::string& cookie);
  std::string status_of(const std::string& code, const std::string& cookie);

  int keys_ = 0;
  int images_ = 0;
};

// A small real PDF of one page; `text` is drawn on it.
std::string make_pdf(const std::string& text = "Ban sao giay to");
// A JPEG unlike any other made so far (so its id is new).
std::string fresh_jpeg(int n);

}  // namespace cdscb::server::testing
