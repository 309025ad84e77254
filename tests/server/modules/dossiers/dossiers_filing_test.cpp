// Filing a dossier: files checked by content, core's validator with Vietnamese errors and
// nothing stored, the code from the unit's daily counter, the receipt, the Idempotency-Key, and
// the version a citizen filled kept when a newer one is published.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "core/dossier.h"
#include "integrations/media_test_support.h"
#include "modules/dossiers/dossiers_harness.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

TEST_CASE("dossiers: photos and PDFs are checked by content, at most 10 MB") {
  DossiersHarness h;
  const std::string citizen = h.citizen("0912000001");
  const auto photo = h.upload(make_jpeg(800, 600), citizen);
  REQUIRE(photo.status == 201);
  CHECK(body_of(photo)["file"]["kind"] == "image");
  const auto pdf = h.upload(make_pdf(), citizen);
  REQUIRE_MESSAGE(pdf.status == 201, pdf.body);
  CHECK(body_of(pdf)["file"]["kind"] == "pdf");
  CHECK(body_of(pdf)["file"]["content_type"] == "application/pdf");
  // Claims to be a PDF, is not one; a text file; 11 MB.
  const auto fake = h.upload("%PDF-1.4\nnot really a pdf", citizen);
  CHECK(fake.status == 415);
  CHECK(body_of(fake)["error"]["message"] == "Tệp không phải là tài liệu PDF hợp lệ.");
  CHECK(h.upload("Chỉ là chữ, không phải ảnh", citizen).status == 415);
  const auto big = h.upload(std::string(11 * 1024 * 1024, 'x'), citizen);
  CHECK(big.status == 413);
  CHECK(h.upload(make_pdf(), "").status == 401);
}

TEST_CASE("dossiers: filing gives a code from the unit's daily counter and a receipt") {
  DossiersHarness h;
  const std::string citizen = h.citizen("0912000002");
  const std::string photo = h.upload_id(make_jpeg(640, 480), citizen);
  const std::string page2 = h.upload_id(make_jpeg(641, 480), citizen);
  const std::string pdf = h.upload_id(make_pdf("Uy quyen"), citizen);
  auto body = h.lltp_body(photo);
  // Two pages of the form, and a PDF for the optional paper; the kind claimed is not trusted.
  body["papers"]["to_khai"].push_back({{"media", page2}, {"kind", "pdf"}});
  body["papers"]["uy_quyen"] = {{{"media", pdf}, {"kind", "image"}}};
  const auto response = h.file(body, citizen, "dossier-key-0000001");
  REQUIRE_MESSAGE(response.status == 201, response.body);
  const auto answer = body_of(response);
  const std::string code = answer["dossier"]["code"];
  // 2025-03-04 12:00 in Vietnam.
  CHECK(code == std::string(kLltpUnit) + "-250304-0001");
  CHECK(core::parse_dossier_code(code).has_value());
  CHECK(answer["dossier"]["status"] == "awaiting_fee");  // the fee is due first
  CHECK(answer["dossier"]["agency"]["name"] == "Sở Tư pháp");
  CHECK(answer["dossier"]["papers"]["to_khai"][1]["kind"] == "image");
  CHECK(answer["dossier"]["papers"]["uy_quyen"][0]["kind"] == "pdf");
  const auto receipt = answer["receipt"];
  CHECK(receipt["title"] == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
  CHECK(receipt["code"] == code);
  CHECK(receipt["fee"]["amount"] == 200000);
  CHECK(receipt["fee"]["status"] == "due");
  CHECK(receipt["papers"].size() == 2);
  CHECK(receipt["papers"][0]["files"] == 2);
  CHECK(receipt["received_at"] == "2025-03-04T05:00:00Z");
  // 10 working days from Tuesday 12:00, in the lunch break, so from the morning's end (11:30),
  // no holiday loaded: Tuesday two weeks on at 11:30.
  CHECK(receipt["due_at"] == "2025-03-18T04:30:00Z");
  CHECK(answer["dossier"]["timeline"][0]["action"] == "submit");

  // The same key again: the same dossier, not a second one.
  const auto replay = h.file(body, citizen, "dossier-key-0000001");
  CHECK(replay.status == 200);
  CHECK(body_of(replay)["dossier"]["code"] == code);
  CHECK(h.accounts.count_rows("dossiers") == 1);
  // The next filing to the unit takes the next number.
  CHECK(h.file_lltp(citizen) == std::string(kLltpUnit) + "-250304-0002");
  // A new day starts again at 0001.
  h.accounts.clock.advance(std::chrono::hours(24));
  CHECK(h.file_lltp(citizen) == std::string(kLltpUnit) + "-250305-0001");
}

TEST_CASE("dossiers: a commune procedure goes to the UBND of the applicant's commune") {
  DossiersHarness h;
  const std::string citizen = h.citizen("0912000003");
  const auto p = body_of(h.get("/api/v1/procedures/1.001193"))["procedure"];
  REQUIRE(p["agency"] == "ubnd-xa");
  // Every required paper and field, filled from the definition.
  nlohmann::json values = nlohmann::json::object();
  nlohmann::json papers = nlohmann::json::object();
  for (const auto& paper : p["papers"])
    if (paper["required"].get<bool>())
      papers[paper["code"].get<std::string>()] = {
          {{"media", h.upload_id(fresh_jpeg(++h.images_), citizen)}, {"kind", "image"}}};
  const auto ok = h.file({{"procedure", "1.001193"},
                          {"version", p["version"]},
                          {"values", values},
                          {"papers", papers}},
                         citizen);
  // Empty values: refused field by field, in Vietnamese.
  REQUIRE(ok.status == 422);
  const auto fields = body_of(ok)["error"]["fields"];
  CHECK(fields.size() >= 3);
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    CHECK(it.key().starts_with("values."));
    CHECK(!it.value().get<std::string>().starts_with("validation."));
  }
  CHECK(h.accounts.count_rows("dossiers") == 0);
}

TEST_CASE("dossiers: bad input is refused with a clear Vietnamese error and nothing stored") {
  DossiersHarness h;
  const std::string citizen = h.citizen("0912000004");
  const std::string other = h.citizen("0912000005");
  const std::string photo = h.upload_id(make_jpeg(640, 480), citizen);
  const std::string others_photo = h.upload_id(make_jpeg(700, 500), other);
  struct Case {
    const char* what;
    std::function<void(nlohmann::json&)> change;
    const char* field;
  };
  const Case cases[] = {
      {"text too short", [](auto& b) { b["values"]["ho_ten"] = "A"; }, "values.ho_ten"},
      {"date in the future", [](auto& b) { b["values"]["ngay_sinh"] = "2099-01-01"; },
       "values.ngay_sinh"},
      {"date malformed", [](auto& b) { b["values"]["ngay_sinh"] = "12/05/1990"; },
       "values.ngay_sinh"},
      {"personal number", [](auto& b) { b["values"]["so_dinh_danh"] = "12345"; },
       "values.so_dinh_danh"},
      {"phone", [](auto& b) { b["values"]["dien_thoai"] = "12345"; }, "values.dien_thoai"},
      {"email", [](auto& b) { b["values"]["email"] = "khong-phai-thu"; }, "values.email"},
      {"address without commune",
       [](auto& b) {
         b["values"]["dia_chi"] = {{"commune", ""}, {"street", "Số 5"}};
       },
       "values.dia_chi"},
      {"select option", [](auto& b) { b["values"]["loai_phieu"] = "so_9"; }, "values.loai_phieu"},
      {"number too large", [](auto& b) { b["values"]["so_luong"] = 50; }, "values.so_luong"},
      {"number not whole", [](auto& b) { b["values"]["so_luong"] = 1.5; }, "values.so_luong"},
      {"long text too long",
       [](auto& b) { b["values"]["noi_cu_tru_khac"] = std::string(2100, 'a'); },
       "values.noi_cu_tru_khac"},
      {"pledge not ticked", [](auto& b) { b["values"]["cam_doan"] = false; }, "values.cam_doan"},
      {"unknown field", [](auto& b) { b["values"]["bi_mat"] = "x"; }, "values.bi_mat"},
      {"required paper missing", [](auto& b) { b["papers"].erase("to_khai"); }, "papers.to_khai"},
      {"paper not listed",
       [&](auto& b) {
         b["papers"]["giay_la"] = {{{"media", photo}, {"kind", "image"}}};
       },
       "papers.giay_la"},
      {"another citizen's file",
       [&](auto& b) {
         b["papers"]["to_khai"] = {{{"media", others_photo}, {"kind", "image"}}};
       },
       "papers.to_khai"},
      {"a file never uploaded",
       [](auto& b) {
         b["papers"]["to_khai"] = {{{"media", std::string(64, 'a')}, {"kind", "image"}}};
       },
       "papers.to_khai"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto body = h.lltp_body(photo);
    c.change(body);
    const auto response = h.file(body, citizen);
    CHECK(response.status == 422);
    const auto error = body_of(response)["error"];
    CHECK(error["code"] == "validation_failed");
    REQUIRE(error["fields"].contains(c.field));
    const std::string message = error["fields"][c.field];
    CHECK(!message.empty());
    CHECK(!message.starts_with("validation."));
  }
  // A procedure or version that does not exist.
  auto unknown = h.lltp_body(photo);
  unknown["version"] = 7;
  CHECK(h.file(unknown, citizen).status == 422);
  unknown["procedure"] = "KHONG-CO";
  CHECK(h.file(unknown, citizen).status == 422);
  CHECK(h.accounts.count_rows("dossiers") == 0);
  CHECK(h.accounts.count_rows("dossier_events") == 0);
  // No key, no dossier.
  CHECK(h.call("POST", "/api/v1/dossiers", h.lltp_body(photo).dump(), citizen).status == 400);
  CHECK(h.file(h.lltp_body(photo), "").status == 401);
}

TEST_CASE("dossiers: a dossier keeps the version it was filled under") {
  DossiersHarness h;
  const std::string admin = h.official("0912000010", core::Role::kAdmin, "");
  const std::string citizen = h.citizen("0912000006");
  const std::string photo = h.upload_id(make_jpeg(640, 480), citizen);
  // While the citizen fills version 1, version 2 is published with a new required field.
  auto p = body_of(h.get(std::string("/api/v1/procedures/") + kLltp))["procedure"];
  p["form"]["fields"].push_back(
      {{"key", "nghe_nghiep"}, {"type", "text"}, {"label", "Nghề nghiệp"}, {"required", true}});
  REQUIRE(h.post("/api/v1/admin/procedures", p, admin).status == 201);
  REQUIRE(
      h.post(std::string("/api/v1/admin/procedures/") + kLltp + "/versions/2/publish", {}, admin)
          .status == 200);
  const auto filed = h.file(h.lltp_body(photo), citizen);
  REQUIRE_MESSAGE(filed.status == 201, filed.body);
  const auto dossier = body_of(filed)["dossier"];
  CHECK(dossier["procedure"]["version"] == 1);
  CHECK(!dossier["values"].contains("nghe_nghiep"));
  // Version 2 wants the new field.
  auto v2 = h.lltp_body(photo);
  v2["version"] = 2;
  const auto refused = h.file(v2, citizen);
  CHECK(refused.status == 422);
  CHECK(body_of(refused)["error"]["fields"].contains("values.nghe_nghiep"));
  // A draft cannot be filed against.
  p["name"] = "Bản nháp";
  REQUIRE(h.post("/api/v1/admin/procedures", p, admin).status == 201);
  auto v3 = h.lltp_body(photo);
  v3["version"] = 3;
  CHECK(body_of(h.file(v3, citizen))["error"]["code"] == "procedure_unknown");
}

TEST_CASE("dossiers: the receipt as a PDF carries the Vietnamese text and the code") {
  DossiersHarness h;
  const std::string citizen = h.citizen("0912000007");
  const std::string code = h.file_lltp(citizen);
  CHECK(h.get("/api/v1/dossiers/" + code + "/receipt.pdf", h.citizen("0912000008")).status == 404);
  const auto response = h.get("/api/v1/dossiers/" + code + "/receipt.pdf", citizen);
  REQUIRE(response.status == 200);
  CHECK(response.headers.get("Content-Type").value_or("") == "application/pdf");
  REQUIRE(response.body.starts_with("%PDF-"));
  // Read back by poppler's pdftotext, as a citizen's PDF reader would.
  const auto pdf = h.dir.path() / "receipt.pdf";
  write_file(pdf, response.body);
  const auto text_file = h.dir.path() / "receipt.txt";
  const std::string command = "pdftotext -enc UTF-8 " + pdf.string() + " " + text_file.string();
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(text_file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") != std::string::npos);
  CHECK(text.find(code) != std::string::npos);
  CHECK(text.find("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam") != std::string::npos);
  CHECK(text.find("Sở Tư pháp") != std::string::npos);
  CHECK(text.find("Hẹn trả kết quả: 18/03/2025 11:30") != std::string::npos);
  CHECK(text.find("200.000") != std::string::npos);
}
