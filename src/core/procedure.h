#pragma once
// A public-service procedure (thủ tục hành chính) as data: what the catalogue shows, the papers a
// citizen attaches (thành phần hồ sơ) and the form (an ordered list of typed fields). The same
// definition drives the app's step-by-step form and the server's checks, through validate_form
// and validate_papers (core/form_validation.h). Pure C++, no I/O; procedure_json.h maps it to
// the API's JSON.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::core {

// The level of the agency that receives the dossier.
inline constexpr std::string_view kLevelCommune = "xa";     // UBND / Công an cấp xã
inline constexpr std::string_view kLevelProvince = "tinh";  // sở, ban, ngành cấp tỉnh
// The agency of a commune-level procedure filed with the UBND of the citizen's own commune: the
// server routes the dossier to "ubnd-<commune code>" (data/agencies.csv) of the address given.
inline constexpr std::string_view kAgencyOfCommune = "ubnd-xa";
// Online level (Decree 42/2022/NĐ-CP): fully online, or online filing with a step in person.
inline constexpr std::string_view kOnlineFull = "toan_trinh";
inline constexpr std::string_view kOnlinePartial = "mot_phan";

// The kinds of file a paper or a file field takes, as stored and sent.
inline constexpr std::string_view kFileImage = "image";
inline constexpr std::string_view kFilePdf = "pdf";

// How a paper is handed in: bản chính, bản sao (chứng thực), bản photo.
inline constexpr std::string_view kPaperOriginal = "original";
inline constexpr std::string_view kPaperCertifiedCopy = "certified_copy";
inline constexpr std::string_view kPaperCopy = "copy";

enum class FieldType {
  kText,
  kLongText,
  kNumber,
  kDate,         // "YYYY-MM-DD"
  kSelect,       // one of `options`
  kMultiSelect,  // several of `options`
  kCheckbox,     // true / false; required means "must be ticked" (a pledge)
  kPhone,        // Vietnamese mobile or landline
  kEmail,
  kPersonalNumber,  // the 12-digit số định danh cá nhân (CCCD)
  kAddress,         // one of the 56 communes + house number, street or hamlet
  kFile,            // media ids of uploaded files
  kUnknown,         // a type name this version does not know (read from JSON; never valid)
};

// "text", "long_text", "number", "date", "select", "multi_select", "checkbox", "phone", "email",
// "personal_number", "address", "file"; the JSON and the database hold these names.
std::string_view field_type_name(FieldType type);
// kUnknown for any other name.
FieldType parse_field_type(std::string_view name);
// Every known type, in the order above.
std::span<const FieldType> field_types();

struct FieldOption {
  std::string value;  // what is stored
  std::string label;  // what the citizen reads
  bool operator==(const FieldOption&) const = default;
};

// "Show when field `field` is `equals`": a select or text equal to it, a multi-select holding it,
// a checkbox when `equals` is "true" (ticked) or "false". The field named must come earlier in
// the form; a field whose condition's field is itself hidden is hidden too.
struct FieldCondition {
  std::string field;
  std::string equals;
  bool operator==(const FieldCondition&) const = default;
};

struct FormField {
  std::string key;  // [a-z0-9_], unique in the form: the key of the submitted value
  FieldType type = FieldType::kText;
  std::string label;
  std::string help;  // optional hint under the field
  bool required = false;
  // Text and long text: code points. Multi-select: choices. File: files.
  std::optional<std::int64_t> min_length;
  std::optional<std::int64_t> max_length;
  // Number.
  std::optional<double> min_value;
  std::optional<double> max_value;
  bool integer = false;  // number: whole numbers only
  // Date: "YYYY-MM-DD" or "today" (a birth date may not be in the future).
  std::string min_date;
  std::string max_date;
  std::vector<FieldOption> options;  // select, multi-select
  std::vector<std::string> accept;   // file: kFileImage and/or kFilePdf
  std::string group;                 // the page of the step-by-step form it sits on
  std::optional<FieldCondition> show_when;
  // Where the app fills the field in from before the citizen types: one of kPrefillSources (the
  // account's profile or its linked VNeID identity), or "" for nothing.
  std::string prefill;
  bool operator==(const FormField&) const = default;
};

struct FormDefinition {
  std::vector<FormField> fields;
  bool operator==(const FormDefinition&) const = default;
};

// A paper to attach (one row of "Thành phần hồ sơ").
struct Paper {
  std::string code;  // [a-z0-9_], unique in the procedure: the key attachments are filed under
  std::string name;
  std::string form = std::string(kPaperCopy);  // kPaperOriginal, kPaperCertifiedCopy or kPaperCopy
  int count = 1;                               // số bộ / số bản
  bool required = true;
  std::vector<std::string> accept = {std::string(kFileImage), std::string(kFilePdf)};
  int max_files = 10;  // photos of several pages count one each
  std::string note;    // e.g. "Nếu cha mẹ đã đăng ký kết hôn"
  bool operator==(const Paper&) const = default;
};

struct Procedure {
  std::string code;  // e.g. "1.001193" (the national code)
  std::string name;
  std::string field_code;               // lĩnh vực, e.g. "ho-tich"
  std::string field_name;               // e.g. "Hộ tịch"
  std::string level;                    // kLevelCommune or kLevelProvince
  std::string agency_code;              // the receiving agency (data/agencies.csv)
  std::string online_level;             // kOnlineFull or kOnlinePartial
  int processing_days = 0;              // working days; 0 = the same day
  bool after_15_next_day = false;       // received after 15:00 counts from the next working day
  std::optional<std::int64_t> fee_vnd;  // nullopt: no fee (miễn phí)
  std::string fee_note;                 // who is exempt, in-person vs online amounts…
  std::string legal_basis;
  std::vector<Paper> papers;
  FormDefinition form;
  int version = 1;  // each published edit adds one; a dossier keeps the version it was filed under
  // Seeded wording, times and fees are samples until an official confirms them: the app says so.
  bool sample = false;
  std::string sample_note;
  bool operator==(const Procedure&) const = default;
};

// The groups (pages) of the form in the order their first field appears; fields without a group
// share the page "".
std::vector<std::string> form_groups(const FormDefinition& form);

const FormField* find_field(const FormDefinition& form, std::string_view key);
const Paper* find_paper(const Procedure& procedure, std::string_view code);

// Whether a citizen's search `query` finds `procedure`: every word of it, folded like search
// everywhere in the app (no diacritics, lower case: "ly lich tu phap" finds "Lý lịch tư pháp"),
// appears in the folded name, code or field name. A blank query finds everything.
bool procedure_matches(const Procedure& procedure, std::string_view query);

// Problems with a definition itself, as messages (core/message.h) for the admin editing it;
// empty when citizens may be given it. Checks codes and keys, levels, times, fee, each field's
// type, label, options, limits and condition (naming an earlier field, with a value it can
// take), and each paper.
std::vector<std::string> validate_procedure(const Procedure& procedure);

// Definition messages: keys of public/i18n/vi.json and en.json.
inline constexpr std::string_view kProcedureCodeInvalid = "validation.procedure.code_invalid";
inline constexpr std::string_view kProcedureNameRequired = "validation.procedure.name_required";
inline constexpr std::string_view kProcedureFieldRequired = "validation.procedure.field_required";
inline constexpr std::string_view kProcedureLevelInvalid = "validation.procedure.level_invalid";
inline constexpr std::string_view kProcedureAgencyRequired = "validation.procedure.agency_required";
inline constexpr std::string_view kProcedureOnlineLevelInvalid =
    "validation.procedure.online_level_invalid";
inline constexpr std::string_view kProcedureDaysInvalid = "validation.procedure.days_invalid";
inline constexpr std::string_view kProcedureFeeInvalid = "validation.procedure.fee_invalid";
inline constexpr std::string_view kProcedureVersionInvalid = "validation.procedure.version_invalid";
inline constexpr std::string_view kProcedureFormEmpty = "validation.procedure.form_empty";
inline constexpr std::string_view kFieldKeyInvalid = "validation.procedure.field_key_invalid";
inline constexpr std::string_view kFieldKeyDuplicate = "validation.procedure.field_key_duplicate";
inline constexpr std::string_view kFieldTypeUnknown = "validation.procedure.field_type_unknown";
inline constexpr std::string_view kFieldLabelRequired = "validation.procedure.field_label_required";
inline constexpr std::string_view kFieldOptionsInvalid =
    "validation.procedure.field_options_invalid";
inline constexpr std::string_view kFieldLimitsInvalid = "validation.procedure.field_limits_invalid";
inline constexpr std::string_view kFieldConditionInvalid =
    "validation.procedure.field_condition_invalid";
inline constexpr std::string_view kPaperInvalid = "validation.procedure.paper_invalid";
inline constexpr std::string_view kPaperDuplicate = "validation.procedure.paper_duplicate";

// The values GET /api/v1/dossiers/prefill gives, by name: a field's `prefill` names one.
inline constexpr std::string_view kPrefillSources[] = {
    "full_name", "birth_date", "personal_number", "phone", "email", "permanent_address"};
bool is_prefill_source(std::string_view name);
inline constexpr std::string_view kFieldPrefillInvalid =
    "validation.procedure.field_prefill_invalid";

// Whether `key` is a field key or paper code: 1–40 characters of [a-z0-9_], starting with a
// letter.
bool is_definition_key(std::string_view key);

}  // namespace cdscb::core
