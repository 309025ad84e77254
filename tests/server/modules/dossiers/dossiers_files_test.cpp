// Private files: the papers of a dossier, its result and "Kho giấy tờ" are served only by the
// module's routes, to those the policy names, with the headers of personal data; /media/ never
// serves them.
#include <doctest/doctest.h>

#include "modules/dossiers/dossiers_harness.h"
#include "modules/media/routes.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

struct World {
  DossiersHarness h;
  std::string citizen = h.citizen("0913000101", "Nông Văn Dũng");
  std::string stranger = h.citizen("0913000102", "Lê Văn Tám");
  std::string officer = h.official("0913000103", core::Role::kOfficer, kLltpAgency);
  std::string other_officer = h.official("0913000104", core::Role::kOfficer, "so-y-te");
  std::string admin = h.official("0913000105", core::Role::kAdmin, "");

  World() {
    // The public photo route, beside the module's, on the same store: what /media/ would serve.
    register_media_routes(h.accounts.router(),
                          {.database = h.accounts.database(),
                           .sessions = accounts::Sessions(h.accounts.database(),
                                                          {.now = h.accounts.clock.function()}),
                           .store = media::MediaStore(h.media->root())});
  }
};

// The filename the server makes of a dossier file: its code folded to lower case.
std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void check_private_headers(const http::Response& r, const std::string& type,
                           const std::string& filename) {
  CHECK(r.headers.get("Content-Type").value_or("") == type);
  CHECK(r.headers.get("Content-Disposition").value_or("") ==
        "inline; filename=\"" + filename + "\"");
  CHECK(r.headers.get("Cache-Control").value_or("") == "private, no-store");
  CHECK(r.headers.get("X-Content-Type-Options").value_or("") == "nosniff");
}

}  // namespace

TEST_CASE("dossiers: a dossier's files are served to its owner and its officials only") {
  World w;
  auto& h = w.h;
  const std::string photo = h.upload_id(fresh_jpeg(901), w.citizen);
  const auto filed = h.file(h.lltp_body(photo), w.citizen);
  REQUIRE_MESSAGE(filed.status == 201, filed.body);
  const std::string code = body_of(filed)["dossier"]["code"];

  // The detail gives the file its URL; the app never builds it.
  const auto detail = body_of(h.get("/api/v1/dossiers/" + code, w.citizen))["dossier"];
  const std::string url = detail["papers"]["to_khai"][0]["url"];
  CHECK(url == "/api/v1/dossiers/" + code + "/files/" + photo);

  const auto mine = h.get(url, w.citizen);
  REQUIRE_MESSAGE(mine.status == 200, mine.body);
  CHECK(mine.body.starts_with("\xFF\xD8\xFF"));  // the JPEG the store cleaned
  check_private_headers(mine, "image/jpeg", lower(code) + "-" + photo.substr(0, 12) + ".jpg");

  CHECK(h.get(url, w.officer).status == 200);
  CHECK(h.get(url, w.admin).status == 200);
  // Anyone else: the same 404 as a file that does not exist, never 403.
  CHECK(h.get(url, w.stranger).status == 404);
  CHECK(h.get(url, w.other_officer).status == 404);
  CHECK(h.get(url, "").status == 401);
  CHECK(body_of(h.get(url, w.stranger))["error"]["message"] == "Không tìm thấy tệp.");
  // A file of the caller's own that the dossier does not hold is not served through it.
  const std::string elsewhere = h.upload_id(fresh_jpeg(902), w.citizen);
  CHECK(h.get("/api/v1/dossiers/" + code + "/files/" + elsewhere, w.citizen).status == 404);
  CHECK(h.get("/api/v1/dossiers/000.00.02.H13-250101-9999/files/" + photo, w.citizen).status ==
        404);

  // Never public: /media/ knows nothing of it, in any size.
  CHECK(h.get("/media/" + photo + ".jpg").status == 404);
  CHECK(h.get("/media/" + photo + "-w320.jpg").status == 404);
  CHECK(h.get("/media/" + photo + ".jpg", w.citizen).status == 404);
}

TEST_CASE("dossiers: the result and Kho giấy tờ are served privately, PDFs as PDFs") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  REQUIRE(h.act(code, "fee-paid", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "receive", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "process", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "finish", {}, w.officer).status == 200);
  const std::string pdf = make_pdf("Phieu LLTP so 7");
  const std::string result = h.upload_id(pdf, w.officer);
  REQUIRE(h.act(code, "return-result",
                {{"media", result}, {"number", "7/LLTP"}, {"date", "2025-03-10"}}, w.officer)
              .status == 200);

  const auto detail = body_of(h.get("/api/v1/dossiers/" + code, w.citizen))["dossier"];
  const std::string url = detail["result"]["url"];
  CHECK(url == "/api/v1/dossiers/" + code + "/files/" + result);
  const auto served = h.get(url, w.citizen);
  REQUIRE(served.status == 200);
  CHECK(served.body == pdf);
  check_private_headers(served, "application/pdf",
                        lower(code) + "-" + result.substr(0, 12) + ".pdf");
  CHECK(h.get(url, w.stranger).status == 404);
  CHECK(h.get("/media/" + result + ".pdf").status == 404);

  // The result landed in "Kho giấy tờ" with its own URL, the owner's only.
  const auto papers = body_of(h.get("/api/v1/papers/mine", w.citizen))["items"];
  REQUIRE(papers.size() == 1);
  const std::string paper_url = papers[0]["url"];
  CHECK(paper_url ==
        "/api/v1/papers/" + std::to_string(papers[0]["id"].get<long long>()) + "/file");
  const auto own = h.get(paper_url, w.citizen);
  REQUIRE(own.status == 200);
  CHECK(own.body == pdf);
  CHECK(h.get(paper_url, w.stranger).status == 404);
  CHECK(h.get(paper_url, w.officer).status == 404);
  CHECK(h.get(paper_url, w.admin).status == 404);
  CHECK(h.get(paper_url, "").status == 401);
  CHECK(h.get("/api/v1/papers/abc/file", w.citizen).status == 404);

  // A saved paper: its name, folded to ASCII, names the file.
  const std::string cccd = h.upload_id(make_pdf("CCCD"), w.citizen);
  const auto saved =
      h.post("/api/v1/papers", {{"name", "Căn cước công dân (2 mặt)"}, {"media", cccd}}, w.citizen);
  REQUIRE_MESSAGE(saved.status == 201, saved.body);
  const auto file = h.get(body_of(saved)["paper"]["url"].get<std::string>(), w.citizen);
  REQUIRE(file.status == 200);
  check_private_headers(file, "application/pdf", "can-cuoc-cong-dan-2-mat.pdf");
}

TEST_CASE("dossiers: a photo uploaded publicly cannot be attached as a paper") {
  World w;
  auto& h = w.h;
  // The feedback photo route stores publicly; papers take the module's private uploads only.
  const auto upload = h.call("POST", "/api/v1/media", fresh_jpeg(903), w.citizen);
  REQUIRE_MESSAGE(upload.status == 201, upload.body);
  const std::string id = body_of(upload)["media"]["id"];
  const auto filed = h.file(h.lltp_body(id), w.citizen);
  CHECK(filed.status == 422);
  CHECK(body_of(filed)["error"]["fields"].contains("papers.to_khai"));
}
