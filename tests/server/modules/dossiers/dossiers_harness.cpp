#include "modules/dossiers/dossiers_harness.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include "integrations/media_test_support.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/users.h"
#include "modules/agencies/store.h"

namespace cdscb::server::testing {
namespace {

constexpr char kPassword[] = "Non nuoc Cao Bang 1";

}  // namespace

DossiersHarness::DossiersHarness(db::Database* database)
    : owned_(database ? std::make_unique<AccountsHarness>(*database, "")
                      : std::make_unique<AccountsHarness>()),
      accounts(*owned_),
      media(std::make_shared<const media::MediaStore>(dir.path() / "media")) {
  const std::filesystem::path data = std::filesystem::path(CDSCB_SOURCE_DIR) / "data";
  {
    soci::session sql(accounts.database().pool());
    agencies::load(sql, data / "agencies.csv");
  }
  seed_dossier_reference_data(accounts.database(), data, 1741064400);
  register_dossier_routes(
      accounts.router(),
      {.database = accounts.database(),
       .sessions = accounts::Sessions(accounts.database(), {.now = accounts.clock.function()}),
       .media = media,
       .public_origin = "https://dichvucong.example.vn"});
}

std::string DossiersHarness::citizen(const std::string& phone, const std::string& name) {
  return accounts.create_account(phone, kPassword, name);
}

std::string DossiersHarness::official(const std::string& phone, core::Role role,
                                      const std::string& agency) {
  accounts::User user;
  user.phone = phone;
  user.full_name = "Hoàng Thị Lan";
  user.password_hash = accounts::PasswordHasher(accounts::kMinimalPasswordCost).hash(kPassword);
  user.role = role;
  if (!agency.empty()) user.agency = agency;
  user.created_at = user.phone_verified_at.emplace(1741064400);
  {
    soci::session sql(accounts.database().pool());
    REQUIRE(accounts::insert_user(sql, user).has_value());
  }
  return accounts.sign_in(phone, kPassword);
}

http::Response DossiersHarness::call(const std::string& method, const std::string& target,
                                     const std::string& body, const std::string& cookie,
                                     const std::string& idempotency_key, const std::string& ip) {
  http::Request request = make_request(method, target);
  request.body = body;
  request.remote_address = ip;
  if (!body.empty())
    request.headers.add("Content-Type",
                        body.starts_with("{") ? "application/json" : "application/octet-stream");
  if (!idempotency_key.empty()) request.headers.add("Idempotency-Key", idempotency_key);
  if (!cookie.empty()) request.headers.add("Cookie", "cdscb_session=" + cookie);
  return accounts.router().dispatch(request);
}

http::Response DossiersHarness::upload(const std::string& bytes, const std::string& cookie) {
  return call("POST", "/api/v1/dossiers/files", bytes, cookie);
}

std::string DossiersHarness::upload_id(const std::string& bytes, const std::string& cookie) {
  const auto response = upload(bytes, cookie);
  REQUIRE_MESSAGE(response.status == 201, response.body);
  return body_of(response)["file"]["id"].get<std::string>();
}

http::Response DossiersHarness::file(const nlohmann::json& body, const std::string& cookie,
                                     const std::string& key) {
  return call("POST", "/api/v1/dossiers", body.dump(), cookie,
              key.empty() ? "dossier-test-key-" + std::to_string(++keys_) : key);
}

nlohmann::json DossiersHarness::lltp_body(const std::string& photo_id) {
  return {{"procedure", kLltp},
          {"version", 1},
          {"values",
           {{"ho_ten", "Nông Văn Dũng"},
            {"ngay_sinh", "1990-05-12"},
            {"so_dinh_danh", "004090001234"},
            {"dien_thoai", "0912 345 678"},
            {"dia_chi", {{"commune", "phuong-thuc-phan"}, {"street", "Số 5, phố Kim Đồng"}}},
            {"loai_phieu", "so_1"},
            {"so_luong", 2},
            {"muc_dich", "Bổ sung hồ sơ xin việc"},
            {"noi_cu_tru_khac", "2004–2024: phường Thục Phán, Cao Bằng"},
            {"cam_doan", true}}},
          {"papers", {{"to_khai", {{{"media", photo_id}, {"kind", "image"}}}}}}};
}

std::string DossiersHarness::file_lltp(const std::string& cookie) {
  const std::string photo = upload_id(fresh_jpeg(++images_), cookie);
  const auto response = file(lltp_body(photo), cookie);
  REQUIRE_MESSAGE(response.status == 201, response.body);
  return body_of(response)["dossier"]["code"].get<std::string>();
}

http::Response DossiersHarness::act(const std::string& code, const std::string& action,
                                    const nlohmann::json& body, const std::string& cookie) {
  return post("/api/v1/officer/dossiers/" + code + "/" + action, body, cookie);
}

std::string DossiersHarness::status_of(const std::string& code, const std::string& cookie) {
  const auto response = get("/api/v1/dossiers/" + code, cookie);
  REQUIRE_MESSAGE(response.status == 200, response.body);
  return body_of(response)["dossier"]["status"].get<std::string>();
}

std::string make_pdf(const std::string& text) {
  // The smallest well-formed PDF: catalog, pages, one page with a text stream, xref, trailer.
  const std::string stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
      "/Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string fresh_jpeg(int n) { return make_jpeg(320 + n, 240 + (n % 7)); }

}  // namespace cdscb::server::testing
