// The one validator of dossier forms and papers: every field type, required fields, limits,
// conditions ("show when X is Y"), unknown keys, and the papers of a procedure.
#include "core/form_validation.h"

#include <doctest/doctest.h>

#include "core/message.h"

using namespace cdscb;

namespace {

using core::FieldType;
using core::FieldValue;

const core::Date kToday{2026, 12, 7};
const std::string kMedia(64, 'a');

core::FormField field(std::string key, FieldType type, bool required = false) {
  core::FormField f;
  f.key = std::move(key);
  f.type = type;
  f.label = "Mục " + f.key;
  f.required = required;
  return f;
}

core::FormDefinition one(core::FormField f) { return {{std::move(f)}}; }

// The message key of `key`'s error after validating `value` alone; "" when accepted.
std::string error_of(const core::FormField& f, FieldValue value) {
  const auto errors = core::validate_form(one(f), {{f.key, std::move(value)}}, kToday);
  const auto it = errors.find(f.key);
  return it == errors.end() ? "" : core::message_parts(it->second).key;
}

core::FormField with_options(core::FormField f) {
  f.options = {{"a", "Một"}, {"b", "Hai"}, {"c", "Ba"}};
  return f;
}

}  // namespace

TEST_CASE("a required field that is shown must be given, each type with its own message") {
  const std::pair<FieldType, std::string_view> cases[] = {
      {FieldType::kText, core::kFormRequired},
      {FieldType::kLongText, core::kFormRequired},
      {FieldType::kNumber, core::kFormRequired},
      {FieldType::kDate, core::kFormRequired},
      {FieldType::kSelect, core::kFormChoiceRequired},
      {FieldType::kMultiSelect, core::kFormChoiceRequired},
      {FieldType::kCheckbox, core::kFormTickRequired},
      {FieldType::kPhone, core::kFormRequired},
      {FieldType::kEmail, core::kFormRequired},
      {FieldType::kPersonalNumber, core::kFormRequired},
      {FieldType::kAddress, core::kFormCommuneRequired},
      {FieldType::kFile, core::kFormFileRequired},
  };
  for (const auto& [type, expected] : cases) {
    const auto f = field("x", type, true);
    const auto missing = core::validate_form(one(f), {}, kToday);
    CHECK_MESSAGE(missing.at("x") == expected, core::field_type_name(type));
    // The same field, optional, may be left out.
    auto optional = f;
    optional.required = false;
    CHECK(core::validate_form(one(optional), {}, kToday).empty());
  }
  CHECK(error_of(field("x", FieldType::kText, true), std::string("  \n ")) == core::kFormRequired);
  CHECK(error_of(field("x", FieldType::kCheckbox, true), false) == core::kFormTickRequired);
  CHECK(error_of(field("x", FieldType::kMultiSelect, true), std::vector<std::string>{}) ==
        core::kFormChoiceRequired);
}

TEST_CASE("text and long text: length limits in characters, clean text, defaults") {
  auto f = field("ho_ten", FieldType::kText);
  f.min_length = 2;
  f.max_length = 5;
  CHECK(error_of(f, std::string("Đỗ")) == "");
  CHECK(error_of(f, std::string("Ánh Hồng")) == core::kFormTooLong);
  CHECK(error_of(f, std::string(" A ")) == core::kFormTooShort);
  CHECK(error_of(f, std::string("ab\x01")) == "validation.invalid_text");
  CHECK(error_of(f, std::string("a\nb")) == "validation.invalid_text");
  CHECK(error_of(f, std::string("\xC3")) == "validation.invalid_text");
  CHECK(error_of(f, 12.0) == core::kFormWrongType);
  const auto errors = core::validate_form(one(f), {{"ho_ten", std::string("abcdefgh")}}, kToday);
  CHECK(core::message_parts(errors.at("ho_ten")).args == std::vector<std::string>{"5"});
  // Unset limits still hold: 500 for text, 5000 for long text, where line breaks are fine.
  CHECK(error_of(field("t", FieldType::kText), std::string(501, 'a')) == core::kFormTooLong);
  CHECK(error_of(field("t", FieldType::kLongText), std::string("dòng 1\ndòng 2")) == "");
  CHECK(error_of(field("t", FieldType::kLongText), std::string(5001, 'a')) == core::kFormTooLong);
}

TEST_CASE("numbers: typed Vietnamese style or sent as numbers, whole, within limits") {
  auto f = field("dien_tich", FieldType::kNumber);
  f.min_value = 10;
  f.max_value = 500;
  CHECK(error_of(f, 120.5) == "");
  CHECK(error_of(f, std::string("120,5")) == "");
  CHECK(error_of(f, std::string("abc")) == core::kFormNumberInvalid);
  CHECK(error_of(f, 9.5) == core::kFormNumberTooSmall);
  CHECK(error_of(f, std::string("1.000")) == core::kFormNumberTooLarge);
  CHECK(error_of(f, true) == core::kFormWrongType);
  f.integer = true;
  CHECK(error_of(f, 12.5) == core::kFormNumberNotWhole);
  CHECK(error_of(f, 12.0) == "");
  CHECK(core::parse_form_number("1.234.567") == 1234567.0);
  CHECK(core::parse_form_number("1.234,5") == 1234.5);
  CHECK(core::parse_form_number("12.5") == 12.5);
  CHECK(core::parse_form_number("-3") == -3.0);
  CHECK_FALSE(core::parse_form_number("1.23.4"));
  CHECK_FALSE(core::parse_form_number("12,"));
  CHECK_FALSE(core::parse_form_number("1e5"));
  CHECK_FALSE(core::parse_form_number(""));
}

TEST_CASE("dates: real days, limits as dates or today, shown as dd/mm/yyyy") {
  auto f = field("ngay_sinh", FieldType::kDate);
  f.min_date = "1900-01-01";
  f.max_date = "today";
  CHECK(error_of(f, std::string("2026-12-07")) == "");
  CHECK(error_of(f, std::string("2026-12-08")) == core::kFormDateTooLate);
  CHECK(error_of(f, std::string("1899-12-31")) == core::kFormDateTooEarly);
  CHECK(error_of(f, std::string("2026-02-29")) == core::kFormDateInvalid);
  CHECK(error_of(f, std::string("07/12/2026")) == core::kFormDateInvalid);
  const auto errors =
      core::validate_form(one(f), {{"ngay_sinh", std::string("2027-01-01")}}, kToday);
  CHECK(core::message_parts(errors.at("ngay_sinh")).args == std::vector<std::string>{"07/12/2026"});
}

TEST_CASE("select and multi-select take only their options, multi within its counts") {
  const auto select = with_options(field("s", FieldType::kSelect));
  CHECK(error_of(select, std::string("b")) == "");
  CHECK(error_of(select, std::string("d")) == core::kFormOptionUnknown);
  CHECK(error_of(select, std::vector<std::string>{"a"}) == core::kFormWrongType);
  auto multi = with_options(field("m", FieldType::kMultiSelect));
  multi.min_length = 2;
  multi.max_length = 2;
  CHECK(error_of(multi, std::vector<std::string>{"a", "c"}) == "");
  CHECK(error_of(multi, std::vector<std::string>{"a"}) == core::kFormTooFewChoices);
  CHECK(error_of(multi, std::vector<std::string>{"a", "b", "c"}) == core::kFormTooManyChoices);
  CHECK(error_of(multi, std::vector<std::string>{"a", "a"}) == core::kFormOptionUnknown);
  CHECK(error_of(multi, std::vector<std::string>{"a", "x"}) == core::kFormOptionUnknown);
  CHECK(error_of(multi, std::string("a")) == core::kFormWrongType);
}

TEST_CASE("checkbox, phone and email") {
  CHECK(error_of(field("c", FieldType::kCheckbox), true) == "");
  CHECK(error_of(field("c", FieldType::kCheckbox), std::string("true")) == core::kFormWrongType);
  const auto phone = field("p", FieldType::kPhone);
  CHECK(error_of(phone, std::string("0912 345 678")) == "");
  CHECK(error_of(phone, std::string("0206.3852.123")) == "");  // a landline
  CHECK(error_of(phone, std::string("12345")) == core::kFormPhoneInvalid);
  CHECK(error_of(phone, std::string("09123456789012")) == core::kFormPhoneInvalid);
  CHECK(core::normalize_form_phone("+84 912 345 678") == "0912345678");
  CHECK(core::normalize_form_phone("+84 0912 345 678") == "0912345678");
  CHECK_FALSE(core::normalize_form_phone("0912x45678"));
  const auto email = field("e", FieldType::kEmail);
  CHECK(error_of(email, std::string("an@caobang.gov.vn")) == "");
  CHECK(error_of(email, std::string("an@caobang")) == core::kEmailInvalid);
}

TEST_CASE("the personal number: 12 digits, a real province code and a birth year not ahead") {
  const auto f = field("so_dinh_danh", FieldType::kPersonalNumber);
  CHECK(error_of(f, std::string("004095001234")) == "");  // Cao Bằng, male born 1995
  CHECK(error_of(f, std::string("004305001234")) == "");  // female born 2005
  CHECK(error_of(f, std::string("00409500123")) == core::kFormPersonalNumberFormat);
  CHECK(error_of(f, std::string("0040950012a4")) == core::kFormPersonalNumberFormat);
  CHECK(error_of(f, std::string("003095001234")) == core::kFormPersonalNumberInvalid);  // no 003
  CHECK(error_of(f, std::string("004299001234")) == core::kFormPersonalNumberInvalid);  // 2099
  CHECK(error_of(f, std::string("004495001234")) == core::kFormPersonalNumberInvalid);  // 2195
  CHECK(core::is_personal_number("096027001234", kToday));  // Cà Mau, born 1927
  CHECK_FALSE(core::is_personal_number("097095001234", kToday));
}

TEST_CASE("an address is one of the 56 communes and a street; files are media ids") {
  auto f = field("dia_chi", FieldType::kAddress, true);
  CHECK(error_of(f, core::AddressValue{"xa-bao-lam", "Thôn Nà Pồng"}) == "");
  CHECK(error_of(f, core::AddressValue{"xa-khong-co", "Thôn 1"}) == core::kCommuneInvalid);
  CHECK(error_of(f, core::AddressValue{"", "Thôn 1"}) == core::kFormCommuneRequired);
  CHECK(error_of(f, core::AddressValue{"xa-bao-lam", " "}) == core::kFormStreetRequired);
  CHECK(error_of(f, core::AddressValue{"xa-bao-lam", std::string(201, 'a')}) ==
        core::kStreetTooLong);
  CHECK(error_of(f, std::string("xa-bao-lam")) == core::kFormWrongType);
  f.required = false;
  CHECK(error_of(f, core::AddressValue{"xa-bao-lam", ""}) == "");

  auto file = field("anh", FieldType::kFile);
  file.accept = {"image"};
  file.max_length = 2;
  CHECK(error_of(file, std::vector<std::string>{kMedia}) == "");
  CHECK(error_of(file, std::vector<std::string>{"../etc/passwd"}) == core::kFormFileInvalid);
  CHECK(error_of(file, std::vector<std::string>{kMedia, kMedia, kMedia}) ==
        core::kFormTooManyFiles);
  file.min_length = 2;
  CHECK(error_of(file, std::vector<std::string>{kMedia}) == core::kFormTooFewFiles);
}

TEST_CASE("conditions: a hidden field is neither required nor kept; unknown keys are refused") {
  core::FormDefinition form;
  auto kind = field("nguoi_nop", FieldType::kSelect, true);
  kind.options = {{"ban_than", "Bản thân"}, {"uy_quyen", "Người được ủy quyền"}};
  auto proxy = field("ho_ten_uy_quyen", FieldType::kText, true);
  proxy.show_when = core::FieldCondition{"nguoi_nop", "uy_quyen"};
  auto paper = field("giay_uy_quyen", FieldType::kFile, true);  // shown only through proxy
  paper.accept = {"pdf"};
  paper.show_when = core::FieldCondition{"ho_ten_uy_quyen", "x"};
  auto agree = field("dong_y", FieldType::kCheckbox);
  auto reason = field("ly_do", FieldType::kLongText, true);
  reason.show_when = core::FieldCondition{"dong_y", "false"};
  form.fields = {kind, proxy, paper, agree, reason};

  core::FormValues values{{"nguoi_nop", std::string("ban_than")},
                          {"ho_ten_uy_quyen", std::string("")},
                          {"dong_y", true}};
  CHECK(core::validate_form(form, values, kToday).empty());
  // The hidden proxy's name is not kept even when sent.
  values["ho_ten_uy_quyen"] = std::string("Nông Văn Dền");
  CHECK(core::validate_form(form, values, kToday).empty());
  const auto kept = core::kept_values(form, values);
  CHECK(kept.size() == 2);
  CHECK_FALSE(kept.contains("ho_ten_uy_quyen"));

  values["nguoi_nop"] = std::string("uy_quyen");
  values["ho_ten_uy_quyen"] = std::string(" ");
  auto errors = core::validate_form(form, values, kToday);
  CHECK(errors.at("ho_ten_uy_quyen") == core::kFormRequired);
  CHECK(errors.size() == 1);
  // An unticked box (absent) shows the reason field.
  values.erase("dong_y");
  values["ho_ten_uy_quyen"] = std::string("Nông Văn Dền");
  errors = core::validate_form(form, values, kToday);
  CHECK(errors.at("ly_do") == core::kFormRequired);
  CHECK(core::kept_values(form, values).contains("ho_ten_uy_quyen"));

  values["ly_do"] = std::string("Chưa đồng ý");
  values["khong_co"] = std::string("?");
  values["nguoi_nop"] = std::monostate{};
  errors = core::validate_form(form, values, kToday);
  CHECK(core::message_parts(errors.at("khong_co")).key == core::kFormUnknownField);
  CHECK(errors.at("nguoi_nop") == core::kFormWrongType);
}

TEST_CASE("papers: a required one missing, unknown, of a kind not accepted, too many files") {
  core::Procedure p;
  p.papers = {core::Paper{.code = "to_khai", .name = "Tờ khai", .accept = {"pdf"}, .max_files = 1},
              core::Paper{.code = "giay_chung_sinh", .name = "Giấy chứng sinh"},
              core::Paper{.code = "uy_quyen", .name = "Văn bản ủy quyền", .required = false}};
  core::PaperFiles files{{"to_khai", {{kMedia, "pdf"}}}, {"giay_chung_sinh", {{kMedia, "image"}}}};
  CHECK(core::validate_papers(p, files).empty());

  auto errors = core::validate_papers(p, {{"to_khai", {{kMedia, "pdf"}}}});
  REQUIRE(errors.size() == 1);
  const auto missing = core::message_parts(errors.at("papers.giay_chung_sinh"));
  CHECK(missing.key == core::kPapersRequired);
  CHECK(missing.args == std::vector<std::string>{"Giấy chứng sinh"});

  files["to_khai"] = {{kMedia, "image"}};
  files["la"] = {{kMedia, "pdf"}};
  files["giay_chung_sinh"] = {{"x", "image"}};
  errors = core::validate_papers(p, files);
  const auto kind = core::message_parts(errors.at("papers.to_khai"));
  CHECK(kind.key == core::kPapersKindRefused);
  CHECK(kind.args == std::vector<std::string>{"Tờ khai", std::string(core::kAcceptPdf)});
  CHECK(core::message_parts(errors.at("papers.la")).key == core::kPapersUnknown);
  CHECK(errors.at("papers.giay_chung_sinh") == core::kFormFileInvalid);
  files.erase("la");
  files["giay_chung_sinh"] = {{kMedia, "image"}};
  files["to_khai"] = {{kMedia, "pdf"}, {kMedia, "pdf"}};
  CHECK(core::message_parts(core::validate_papers(p, files).at("papers.to_khai")).key ==
        core::kPapersTooManyFiles);
}
