// Procedures, forms, values and submissions read back from their own JSON exactly, and read
// foreign JSON defensively (an unknown type or an unreadable value is kept to be refused).
#include "core/procedure_json.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/message.h"

using namespace cdscb;

using nlohmann::json;

namespace {

core::Procedure full_procedure() {
  core::Procedure p;
  p.code = "1.001193";
  p.name = "Đăng ký khai sinh";
  p.field_code = "ho-tich";
  p.field_name = "Hộ tịch";
  p.level = "xa";
  p.agency_code = "ubnd-xa";
  p.online_level = "toan_trinh";
  p.processing_days = 1;
  p.after_15_next_day = true;
  p.fee_vnd = 8000;
  p.fee_note = "Miễn khi đúng hạn";
  p.legal_basis = "Luật Hộ tịch 2014";
  p.papers = {core::Paper{.code = "to_khai",
                          .name = "Tờ khai",
                          .form = "original",
                          .count = 2,
                          .accept = {"pdf"},
                          .max_files = 3,
                          .note = "Ký tên"},
              core::Paper{.code = "uy_quyen", .name = "Ủy quyền", .required = false}};
  core::FormField name{.key = "ho_ten",
                       .type = core::FieldType::kText,
                       .label = "Họ tên",
                       .help = "Như trên CCCD",
                       .required = true,
                       .min_length = 2,
                       .max_length = 100,
                       .group = "Người nộp"};
  core::FormField area{.key = "dien_tich",
                       .type = core::FieldType::kNumber,
                       .label = "Diện tích",
                       .min_value = 0.5,
                       .max_value = 1000,
                       .integer = false};
  core::FormField born{.key = "ngay_sinh",
                       .type = core::FieldType::kDate,
                       .label = "Ngày sinh",
                       .min_date = "1900-01-01",
                       .max_date = "today"};
  core::FormField kind{.key = "loai",
                       .type = core::FieldType::kMultiSelect,
                       .label = "Loại",
                       .max_length = 2,
                       .options = {{"a", "Một"}, {"b", "Hai"}}};
  core::FormField photo{.key = "anh",
                        .type = core::FieldType::kFile,
                        .label = "Ảnh",
                        .accept = {"image"},
                        .show_when = core::FieldCondition{"loai", "a"}};
  p.form.fields = {name, area, born, kind, photo};
  p.version = 3;
  p.sample = true;
  p.sample_note = "Dữ liệu mẫu";
  return p;
}

}  // namespace

TEST_CASE("a procedure reads back from its own JSON exactly") {
  const core::Procedure p = full_procedure();
  const json j = core::procedure_json<json>(p);
  CHECK(j["field"]["name"] == "Hộ tịch");
  CHECK(j["form"]["fields"][0]["type"] == "text");
  CHECK(j["form"]["fields"][4]["show_when"]["equals"] == "a");
  CHECK_FALSE(j["form"]["fields"][1].contains("options"));  // absent limits stay absent
  CHECK(core::procedure_from_json(j) == p);
  // Through text too, as the server stores it and the app caches it.
  CHECK(core::procedure_from_json(json::parse(j.dump())) == p);
  core::Procedure free = p;
  free.fee_vnd.reset();
  CHECK(core::procedure_json<json>(free)["fee_vnd"].is_null());
  CHECK(core::procedure_from_json(core::procedure_json<json>(free)) == free);
}

TEST_CASE("foreign procedure JSON: unknown types and missing members are kept to be refused") {
  const json j = json::parse(R"({"code":"X","form":{"fields":[{"key":"a","type":"signature",
      "label":"Ký"}]},"papers":[{"code":"p","name":"Giấy"}]})");
  const core::Procedure p = core::procedure_from_json(j);
  REQUIRE(p.form.fields.size() == 1);
  CHECK(p.form.fields[0].type == core::FieldType::kUnknown);
  CHECK(p.processing_days == -1);
  CHECK(p.version == 0);
  // A paper without details takes the usual ones: one copy, required, image or PDF.
  CHECK(p.papers[0].required);
  CHECK(p.papers[0].accept == std::vector<std::string>{"image", "pdf"});
  const auto problems = core::validate_procedure(p);
  std::vector<std::string> keys;
  for (const auto& m : problems) keys.push_back(core::message_parts(m).key);
  for (std::string_view expected :
       {core::kProcedureNameRequired, core::kProcedureDaysInvalid, core::kProcedureVersionInvalid,
        core::kFieldTypeUnknown, core::kProcedureLevelInvalid})
    CHECK_MESSAGE(std::find(keys.begin(), keys.end(), expected) != keys.end(), expected);
  CHECK(core::procedure_from_json(json("not an object")).form.fields.empty());
}

TEST_CASE("values and a submission read back from their own JSON; odd shapes are refused") {
  core::DossierSubmission s;
  s.procedure_code = "1.001193";
  s.version = 3;
  s.values = {{"ho_ten", std::string("Hoàng Thị Hoa")},
              {"dien_tich", 12.5},
              {"dong_y", true},
              {"loai", std::vector<std::string>{"a", "b"}},
              {"dia_chi", core::AddressValue{"xa-bao-lam", "Thôn Nà Pồng"}}};
  s.papers = {{"to_khai", {{std::string(64, 'b'), "pdf"}, {std::string(64, 'c'), "image"}}}};
  const json j = core::dossier_submission_json<json>(s);
  CHECK(j["values"]["dia_chi"]["commune"] == "xa-bao-lam");
  CHECK(j["papers"]["to_khai"][1]["kind"] == "image");
  CHECK(core::dossier_submission_from_json(json::parse(j.dump())) == s);

  const json odd =
      json::parse(R"({"a":null,"b":[1,2],"c":{"x":1},"d":7,"e":{"commune":"xa-bao-lam"},"f":[]})");
  const core::FormValues v = core::form_values_from_json(odd);
  CHECK_FALSE(v.contains("a"));  // null: nothing given
  CHECK(std::holds_alternative<std::monostate>(v.at("b")));
  CHECK(std::holds_alternative<std::monostate>(v.at("c")));
  CHECK(std::get<double>(v.at("d")) == 7.0);
  CHECK(std::get<core::AddressValue>(v.at("e")).street.empty());
  CHECK(std::get<std::vector<std::string>>(v.at("f")).empty());
  // An unreadable value is written back as null, never as something it was not.
  CHECK(core::form_values_json<json>(v)["b"].is_null());
}
