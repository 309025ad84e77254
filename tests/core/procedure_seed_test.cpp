// The seeded procedures in data/procedures/: every file is a valid definition marked as a sample,
// the seed uses every field type, its agencies exist, and a filled-in form passes the validator.
// Also: every message the procedure, form and paper validators give reads whole in both languages.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/csv.h"
#include "core/dossier.h"
#include "core/message.h"
#include "core/procedure_json.h"
#include "core/supplement.h"
#include "core/survey.h"

using namespace cdscb;

using nlohmann::json;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<core::Procedure> seeded() {
  std::vector<core::Procedure> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CDSCB_SOURCE_DIR) + "/data/procedures")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    out.push_back(core::procedure_from_json(json::parse(read(entry.path()))));
  }
  return out;
}

std::set<std::string> agency_codes() {
  std::set<std::string> codes;
  const auto csv = core::parse_csv(read(std::string(CDSCB_SOURCE_DIR) + "/data/agencies.csv"));
  for (std::size_t i = 1; i < csv.rows.size(); ++i) codes.insert(csv.rows[i].fields.at(0));
  return codes;
}

// A value that a citizen could give for `f`.
core::FieldValue sample_value(const core::FormField& f) {
  using core::FieldType;
  switch (f.type) {
    case FieldType::kNumber:
      return f.min_value.value_or(1);
    case FieldType::kDate:
      return std::string("1990-05-17");
    case FieldType::kSelect:
      return f.options.front().value;
    case FieldType::kMultiSelect:
      return std::vector<std::string>{f.options.front().value};
    case FieldType::kCheckbox:
      return true;
    case FieldType::kPhone:
      return std::string("0912 345 678");
    case FieldType::kEmail:
      return std::string("hoa@example.com");
    case FieldType::kPersonalNumber:
      return std::string("004190001234");
    case FieldType::kAddress:
      return core::AddressValue{"phuong-thuc-phan", "Số 12 Kim Đồng"};
    case FieldType::kFile:
      return std::vector<std::string>{std::string(64, 'e')};
    default:
      return std::string("Nội dung mẫu");
  }
}

nlohmann::json translations(const char* language) {
  return json::parse(read(std::string(CDSCB_SOURCE_DIR) + "/public/i18n/" + language + ".json"));
}

}  // namespace

TEST_CASE("every seeded procedure is a valid sample definition; together they use every type") {
  const auto procedures = seeded();
  CHECK(procedures.size() >= 10);
  const auto agencies = agency_codes();
  std::set<core::FieldType> used;
  std::set<std::string> codes;
  for (const auto& p : procedures) {
    INFO(p.code, " ", p.name);
    CHECK(core::validate_procedure(p).empty());
    for (const auto& problem : core::validate_procedure(p)) MESSAGE(problem);
    CHECK(p.sample);
    CHECK(p.sample_note.find("không phải thông tin chính thức") != std::string::npos);
    CHECK(codes.insert(p.code).second);
    CHECK((p.agency_code == core::kAgencyOfCommune || agencies.contains(p.agency_code)));
    if (p.agency_code == core::kAgencyOfCommune) CHECK(p.level == core::kLevelCommune);
    CHECK_FALSE(p.papers.empty());
    CHECK(core::form_groups(p.form).size() >= 2);  // a step-by-step form
    for (const auto& f : p.form.fields) used.insert(f.type);
  }
  for (core::FieldType type : core::field_types())
    CHECK_MESSAGE(used.contains(type), core::field_type_name(type));
}

TEST_CASE("a seeded form filled in as a citizen would passes; leaving it empty names each field") {
  for (const auto& p : seeded()) {
    INFO(p.code);
    core::FormValues values;
    for (const auto& f : p.form.fields) values.emplace(f.key, sample_value(f));
    const auto errors = core::validate_form(p.form, values, core::Date{2026, 12, 7});
    for (const auto& [key, m] : errors) MESSAGE(key, ": ", m);
    CHECK(errors.empty());
    const auto empty = core::validate_form(p.form, {}, core::Date{2026, 12, 7});
    for (const auto& f : p.form.fields)
      if (f.required && !f.show_when) CHECK_MESSAGE(empty.contains(f.key), f.key);
    core::PaperFiles files;
    for (const auto& paper : p.papers)
      if (paper.required) files[paper.code] = {{std::string(64, 'f'), paper.accept.front()}};
    CHECK(core::validate_papers(p, files).empty());
    CHECK(core::validate_papers(p, {}).size() ==
          static_cast<std::size_t>(std::count_if(p.papers.begin(), p.papers.end(),
                                                 [](const auto& x) { return x.required; })));
  }
}

TEST_CASE("the messages of procedures, forms, papers and dossiers read whole in both languages") {
  std::vector<std::string> keys{std::string(core::kAcceptImage), std::string(core::kAcceptPdf),
                                std::string(core::kAcceptImagePdf)};
  for (std::string_view k : {core::kProcedureCodeInvalid,
                             core::kProcedureNameRequired,
                             core::kProcedureFieldRequired,
                             core::kProcedureLevelInvalid,
                             core::kProcedureAgencyRequired,
                             core::kProcedureOnlineLevelInvalid,
                             core::kProcedureDaysInvalid,
                             core::kProcedureFeeInvalid,
                             core::kProcedureVersionInvalid,
                             core::kProcedureFormEmpty,
                             core::kFieldKeyInvalid,
                             core::kFieldKeyDuplicate,
                             core::kFieldTypeUnknown,
                             core::kFieldLabelRequired,
                             core::kFieldOptionsInvalid,
                             core::kFieldLimitsInvalid,
                             core::kFieldConditionInvalid,
                             core::kPaperInvalid,
                             core::kPaperDuplicate,
                             core::kFormRequired,
                             core::kFormChoiceRequired,
                             core::kFormTickRequired,
                             core::kFormFileRequired,
                             core::kFormUnknownField,
                             core::kFormWrongType,
                             core::kFormTooShort,
                             core::kFormTooLong,
                             core::kFormNumberInvalid,
                             core::kFormNumberNotWhole,
                             core::kFormNumberTooSmall,
                             core::kFormNumberTooLarge,
                             core::kFormDateInvalid,
                             core::kFormDateTooEarly,
                             core::kFormDateTooLate,
                             core::kFormOptionUnknown,
                             core::kFormTooFewChoices,
                             core::kFormTooManyChoices,
                             core::kFormPhoneInvalid,
                             core::kFormPersonalNumberFormat,
                             core::kFormPersonalNumberInvalid,
                             core::kFormCommuneRequired,
                             core::kFormStreetRequired,
                             core::kFormFileInvalid,
                             core::kFormTooFewFiles,
                             core::kFormTooManyFiles,
                             core::kPapersRequired,
                             core::kPapersUnknown,
                             core::kPapersKindRefused,
                             core::kPapersTooManyFiles,
                             core::kSupplementItemsRequired,
                             core::kSupplementReasonRequired,
                             core::kSupplementTooManyItems,
                             core::kSupplementDaysInvalid})
    keys.emplace_back(k);
  for (const auto& s : core::dossier_statuses()) keys.emplace_back(s.label_key);
  for (const auto& q : core::survey_questions()) keys.emplace_back(q.label_key);
  for (int value : {core::kNotSatisfied, core::kSatisfied, core::kVerySatisfied})
    keys.push_back(core::survey_answer_label_key(value));
  for (const auto& t : core::dossier_transitions())
    keys.push_back(core::dossier_action_label_key(t.action));
  for (const char* language : {"vi", "en"}) {
    const json table = translations(language);
    const core::MessageLookup lookup = [&table](std::string_view key) -> const char* {
      const auto it = table.find(std::string(key));
      return it == table.end() ? nullptr : it->template get_ref<const std::string&>().c_str();
    };
    for (const std::string& key : keys) {
      CHECK_MESSAGE(table.contains(key), language, ": ", key);
      // Filled with two arguments, the longest any of them takes, no place is left open.
      const std::string text =
          core::fill_message(core::message(key, {"x", "services.accept.pdf"}), lookup);
      CHECK_MESSAGE(text.find('{') == std::string::npos, language, ": ", text);
    }
  }
  const json vi = translations("vi");
  CHECK(vi["services.status.supplement_requested"] == "Yêu cầu bổ sung");
  CHECK(vi["services.action.withdraw"] == "Rút hồ sơ");
}

TEST_CASE(
    "catalogue search without diacritics finds the seeded procedures by name, code or field") {
  const auto procedures = seeded();
  const auto found = [&](std::string_view query) {
    std::set<std::string> codes;
    for (const auto& p : procedures)
      if (core::procedure_matches(p, query)) codes.insert(p.code);
    return codes;
  };
  CHECK(found("ly lich tu phap") == std::set<std::string>{"MAU-LLTP-01"});
  CHECK(found("LÝ LỊCH") == std::set<std::string>{"MAU-LLTP-01"});
  CHECK(found("  khai   sinh ") == std::set<std::string>{"1.001193"});
  CHECK(found("1.004222") == std::set<std::string>{"1.004222"});
  CHECK(found("ho tich").size() >= 4);  // by field: khai sinh, kết hôn, khai tử, trích lục…
  CHECK(found("khai sinh ket hon").empty());
  CHECK(found("").size() == procedures.size());
}
