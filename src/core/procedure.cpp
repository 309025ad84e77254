#include "core/procedure.h"

#include <algorithm>
#include <set>

#include "core/message.h"
#include "core/profile.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

struct TypeName {
  FieldType type;
  std::string_view name;
};

constexpr TypeName kTypeNames[] = {
    {FieldType::kText, "text"},         {FieldType::kLongText, "long_text"},
    {FieldType::kNumber, "number"},     {FieldType::kDate, "date"},
    {FieldType::kSelect, "select"},     {FieldType::kMultiSelect, "multi_select"},
    {FieldType::kCheckbox, "checkbox"}, {FieldType::kPhone, "phone"},
    {FieldType::kEmail, "email"},       {FieldType::kPersonalNumber, "personal_number"},
    {FieldType::kAddress, "address"},   {FieldType::kFile, "file"},
};

constexpr FieldType kTypes[] = {
    FieldType::kText,   FieldType::kLongText,       FieldType::kNumber,   FieldType::kDate,
    FieldType::kSelect, FieldType::kMultiSelect,    FieldType::kCheckbox, FieldType::kPhone,
    FieldType::kEmail,  FieldType::kPersonalNumber, FieldType::kAddress,  FieldType::kFile,
};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_date_limit(std::string_view limit) {
  return limit.empty() || limit == "today" || parse_date(limit).has_value();
}

bool is_file_kind(std::string_view kind) { return kind == kFileImage || kind == kFilePdf; }

bool has_choices(FieldType type) {
  return type == FieldType::kSelect || type == FieldType::kMultiSelect;
}

bool options_valid(const FormField& field) {
  if (!has_choices(field.type)) return field.options.empty();
  if (field.options.empty()) return false;
  std::set<std::string_view> seen;
  for (const FieldOption& option : field.options) {
    if (option.value.empty() || is_blank(option.label) || !seen.insert(option.value).second)
      return false;
  }
  return true;
}

bool limits_valid(const FormField& field) {
  const auto negative = [](const std::optional<std::int64_t>& n) { return n && *n < 0; };
  if (negative(field.min_length) || negative(field.max_length)) return false;
  if (field.min_length && field.max_length && *field.min_length > *field.max_length) return false;
  if (field.min_value && field.max_value && *field.min_value > *field.max_value) return false;
  if (!is_date_limit(field.min_date) || !is_date_limit(field.max_date)) return false;
  if (field.type == FieldType::kFile) {
    if (field.accept.empty() ||
        !std::all_of(field.accept.begin(), field.accept.end(), is_file_kind))
      return false;
  } else if (!field.accept.empty()) {
    return false;
  }
  return true;
}

// The condition names an earlier field, and `equals` is a value that field can hold.
bool condition_valid(const FormDefinition& form, std::size_t index) {
  const FieldCondition& condition = *form.fields[index].show_when;
  for (std::size_t i = 0; i < index; ++i) {
    const FormField& earlier = form.fields[i];
    if (earlier.key != condition.field) continue;
    switch (earlier.type) {
      case FieldType::kSelect:
      case FieldType::kMultiSelect:
        return std::any_of(earlier.options.begin(), earlier.options.end(),
                           [&](const FieldOption& o) { return o.value == condition.equals; });
      case FieldType::kCheckbox:
        return condition.equals == "true" || condition.equals == "false";
      case FieldType::kText:
      case FieldType::kNumber:
      case FieldType::kDate:
        return !condition.equals.empty();
      default:
        return false;
    }
  }
  return false;
}

bool paper_valid(const Paper& paper) {
  return !is_blank(paper.name) &&
         (paper.form == kPaperOriginal || paper.form == kPaperCertifiedCopy ||
          paper.form == kPaperCopy) &&
         paper.count >= 1 && paper.max_files >= 1 && !paper.accept.empty() &&
         std::all_of(paper.accept.begin(), paper.accept.end(), is_file_kind);
}

void check_procedure_fields(const Procedure& p, std::vector<std::string>& out) {
  // A national code like "1.001193", or a local one: printable ASCII without spaces.
  const bool code_ok =
      !p.code.empty() && p.code.size() <= 50 &&
      std::all_of(p.code.begin(), p.code.end(), [](char c) { return c > ' ' && c < 0x7f; });
  if (!code_ok) out.push_back(std::string(kProcedureCodeInvalid));
  if (is_blank(p.name)) out.push_back(std::string(kProcedureNameRequired));
  if (p.field_code.empty() || is_blank(p.field_name))
    out.push_back(std::string(kProcedureFieldRequired));
  if (p.level != kLevelCommune && p.level != kLevelProvince)
    out.push_back(std::string(kProcedureLevelInvalid));
  if (p.agency_code.empty()) out.push_back(std::string(kProcedureAgencyRequired));
  if (p.online_level != kOnlineFull && p.online_level != kOnlinePartial)
    out.push_back(std::string(kProcedureOnlineLevelInvalid));
  if (p.processing_days < 0 || p.processing_days > 365)
    out.push_back(std::string(kProcedureDaysInvalid));
  if (p.fee_vnd && *p.fee_vnd <= 0) out.push_back(std::string(kProcedureFeeInvalid));
  if (p.version < 1) out.push_back(std::string(kProcedureVersionInvalid));
}

}  // namespace

std::string_view field_type_name(FieldType type) {
  for (const auto& entry : kTypeNames)
    if (entry.type == type) return entry.name;
  return "unknown";
}

FieldType parse_field_type(std::string_view name) {
  for (const auto& entry : kTypeNames)
    if (entry.name == name) return entry.type;
  return FieldType::kUnknown;
}

std::span<const FieldType> field_types() { return kTypes; }

std::vector<std::string> form_groups(const FormDefinition& form) {
  std::vector<std::string> groups;
  for (const FormField& field : form.fields)
    if (std::find(groups.begin(), groups.end(), field.group) == groups.end())
      groups.push_back(field.group);
  return groups;
}

const FormField* find_field(const FormDefinition& form, std::string_view key) {
  for (const FormField& field : form.fields)
    if (field.key == key) return &field;
  return nullptr;
}

const Paper* find_paper(const Procedure& procedure, std::string_view code) {
  for (const Paper& paper : procedure.papers)
    if (paper.code == code) return &paper;
  return nullptr;
}

bool is_definition_key(std::string_view key) {
  if (key.empty() || key.size() > 40 || key[0] < 'a' || key[0] > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool procedure_matches(const Procedure& procedure, std::string_view query) {
  const std::string haystack =
      fold_for_search(procedure.name + " " + procedure.code + " " + procedure.field_name);
  const std::string folded = fold_for_search(query);
  std::size_t at = 0;
  while (at < folded.size()) {
    const std::size_t start = folded.find_first_not_of(" \t", at);
    if (start == std::string::npos) break;
    const std::size_t end = std::min(folded.find_first_of(" \t", start), folded.size());
    if (haystack.find(folded.substr(start, end - start)) == std::string::npos) return false;
    at = end;
  }
  return true;
}

std::vector<std::string> validate_procedure(const Procedure& p) {
  std::vector<std::string> out;
  check_procedure_fields(p, out);
  if (p.form.fields.empty()) out.push_back(std::string(kProcedureFormEmpty));
  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < p.form.fields.size(); ++i) {
    const FormField& field = p.form.fields[i];
    const std::string_view key = field.key;
    if (!is_definition_key(key)) out.push_back(message(kFieldKeyInvalid, {key}));
    if (!keys.insert(key).second) out.push_back(message(kFieldKeyDuplicate, {key}));
    if (field.type == FieldType::kUnknown) out.push_back(message(kFieldTypeUnknown, {key}));
    if (is_blank(field.label)) out.push_back(message(kFieldLabelRequired, {key}));
    if (!options_valid(field)) out.push_back(message(kFieldOptionsInvalid, {key}));
    if (!limits_valid(field)) out.push_back(message(kFieldLimitsInvalid, {key}));
    if (field.show_when && !condition_valid(p.form, i))
      out.push_back(message(kFieldConditionInvalid, {key}));
    if (!field.prefill.empty() && !is_prefill_source(field.prefill))
      out.push_back(message(kFieldPrefillInvalid, {key}));
  }
  std::set<std::string_view> codes;
  for (const Paper& paper : p.papers) {
    if (!is_definition_key(paper.code) || !paper_valid(paper))
      out.push_back(message(kPaperInvalid, {paper.code}));
    if (!codes.insert(paper.code).second) out.push_back(message(kPaperDuplicate, {paper.code}));
  }
  return out;
}

bool is_prefill_source(std::string_view name) {
  for (std::string_view source : kPrefillSources)
    if (source == name) return true;
  return false;
}

}  // namespace cdscb::core
