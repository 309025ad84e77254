#include "core/form_validation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/communes.h"
#include "core/feedback.h"
#include "core/message.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

// Limits a definition may leave out still exist: nobody types a novel into a form.
constexpr std::int64_t kTextMaxDefault = 500;
constexpr std::int64_t kLongTextMaxDefault = 5000;
constexpr std::int64_t kFilesMaxDefault = 10;

const FieldValue* find_value(const FormValues& values, std::string_view key) {
  const auto it = values.find(std::string(key));
  return it == values.end() ? nullptr : &it->second;
}

bool is_blank(std::string_view text) { return trim_blank(text).empty(); }

// Nothing given: no value, blank text, no choice or file, an unticked box, an empty address.
bool is_empty(const FieldValue* value) {
  if (!value) return true;
  if (const auto* s = std::get_if<std::string>(value)) return is_blank(*s);
  if (const auto* list = std::get_if<std::vector<std::string>>(value)) return list->empty();
  if (const auto* tick = std::get_if<bool>(value)) return !*tick;
  if (const auto* a = std::get_if<AddressValue>(value))
    return is_blank(a->commune) && is_blank(a->street);
  return false;
}

std::string_view required_message(FieldType type) {
  switch (type) {
    case FieldType::kSelect:
    case FieldType::kMultiSelect:
      return kFormChoiceRequired;
    case FieldType::kCheckbox:
      return kFormTickRequired;
    case FieldType::kFile:
      return kFormFileRequired;
    case FieldType::kAddress:
      return kFormCommuneRequired;
    default:
      return kFormRequired;
  }
}

std::string number_text(double n) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", n);
  return buffer;
}

std::string count_text(std::int64_t n) { return std::to_string(n); }

// Text a person typed: valid UTF-8 without control characters (line breaks in long text only).
bool is_clean_text(std::string_view text, bool multiline) {
  if (!is_valid_utf8(text)) return false;
  return std::none_of(text.begin(), text.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (multiline && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

std::optional<std::string> check_text(const FormField& f, const std::string& text) {
  const bool multiline = f.type == FieldType::kLongText;
  if (!is_clean_text(text, multiline)) return std::string(kFeedbackInvalidText);
  const auto length = static_cast<std::int64_t>(count_code_points(trim_blank(text)));
  const std::int64_t max = f.max_length.value_or(multiline ? kLongTextMaxDefault : kTextMaxDefault);
  if (f.min_length && length < *f.min_length)
    return message(kFormTooShort, {count_text(*f.min_length)});
  if (length > max) return message(kFormTooLong, {count_text(max)});
  return std::nullopt;
}

std::optional<std::string> check_number(const FormField& f, const FieldValue& value) {
  std::optional<double> n;
  if (const auto* d = std::get_if<double>(&value)) n = *d;
  if (const auto* s = std::get_if<std::string>(&value)) n = parse_form_number(*s);
  if (!std::holds_alternative<double>(value) && !std::holds_alternative<std::string>(value))
    return std::string(kFormWrongType);
  if (!n || !std::isfinite(*n)) return std::string(kFormNumberInvalid);
  if (f.integer && std::floor(*n) != *n) return std::string(kFormNumberNotWhole);
  if (f.min_value && *n < *f.min_value)
    return message(kFormNumberTooSmall, {number_text(*f.min_value)});
  if (f.max_value && *n > *f.max_value)
    return message(kFormNumberTooLarge, {number_text(*f.max_value)});
  return std::nullopt;
}

std::optional<Date> date_limit(std::string_view limit, Date today) {
  if (limit.empty()) return std::nullopt;
  if (limit == "today") return today;
  return parse_date(limit);
}

std::string date_text(Date d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buffer;
}

std::optional<std::string> check_date(const FormField& f, const std::string& text, Date today) {
  const auto date = parse_date(text);
  if (!date) return std::string(kFormDateInvalid);
  if (const auto min = date_limit(f.min_date, today); min && *date < *min)
    return message(kFormDateTooEarly, {date_text(*min)});
  if (const auto max = date_limit(f.max_date, today); max && *date > *max)
    return message(kFormDateTooLate, {date_text(*max)});
  return std::nullopt;
}

bool is_option(const FormField& f, std::string_view value) {
  return std::any_of(f.options.begin(), f.options.end(),
                     [&](const FieldOption& o) { return o.value == value; });
}

std::optional<std::string> check_choices(const FormField& f, const std::vector<std::string>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const bool repeated = std::find(list.begin(), list.begin() + i, list[i]) != list.begin() + i;
    if (!is_option(f, list[i]) || repeated) return std::string(kFormOptionUnknown);
  }
  const auto count = static_cast<std::int64_t>(list.size());
  if (f.min_length && count < *f.min_length)
    return message(kFormTooFewChoices, {count_text(*f.min_length)});
  if (f.max_length && count > *f.max_length)
    return message(kFormTooManyChoices, {count_text(*f.max_length)});
  return std::nullopt;
}

std::optional<std::string> check_files(const FormField& f, const std::vector<std::string>& list) {
  if (!std::all_of(list.begin(), list.end(), [](const std::string& id) { return is_media_id(id); }))
    return std::string(kFormFileInvalid);
  const auto count = static_cast<std::int64_t>(list.size());
  const std::int64_t max = f.max_length.value_or(kFilesMaxDefault);
  if (f.min_length && count < *f.min_length)
    return message(kFormTooFewFiles, {count_text(*f.min_length)});
  if (count > max) return message(kFormTooManyFiles, {count_text(max)});
  return std::nullopt;
}

std::optional<std::string> check_address(const FormField& f, const AddressValue& a) {
  if (is_blank(a.commune)) return std::string(kFormCommuneRequired);
  if (!find_commune(a.commune)) return std::string(kCommuneInvalid);
  if (!is_clean_text(a.street, false)) return std::string(kFeedbackInvalidText);
  if (f.required && is_blank(a.street)) return std::string(kFormStreetRequired);
  if (count_code_points(trim_blank(a.street)) > kStreetMaxLength)
    return std::string(kStreetTooLong);
  return std::nullopt;
}

// The error of a value that was given, or nullopt.
std::optional<std::string> check_value(const FormField& f, const FieldValue& value, Date today) {
  const auto* text = std::get_if<std::string>(&value);
  const auto* list = std::get_if<std::vector<std::string>>(&value);
  const std::string wrong(kFormWrongType);
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kLongText:
      return text ? check_text(f, *text) : wrong;
    case FieldType::kNumber:
      return check_number(f, value);
    case FieldType::kDate:
      return text ? check_date(f, trim_blank(*text), today) : wrong;
    case FieldType::kSelect:
      if (!text) return wrong;
      return is_option(f, *text) ? std::nullopt : std::optional(std::string(kFormOptionUnknown));
    case FieldType::kMultiSelect:
      return list ? check_choices(f, *list) : wrong;
    case FieldType::kCheckbox:
      return std::holds_alternative<bool>(value) ? std::nullopt : std::optional(wrong);
    case FieldType::kPhone:
      if (!text) return wrong;
      if (!normalize_form_phone(*text)) return std::string(kFormPhoneInvalid);
      return std::nullopt;
    case FieldType::kEmail:
      return text ? validate_email(*text) : wrong;
    case FieldType::kPersonalNumber: {
      if (!text) return wrong;
      const std::string digits = trim_blank(*text);
      if (digits.size() != 12 ||
          !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string(kFormPersonalNumberFormat);
      if (!is_personal_number(digits, today)) return std::string(kFormPersonalNumberInvalid);
      return std::nullopt;
    }
    case FieldType::kAddress: {
      const auto* address = std::get_if<AddressValue>(&value);
      return address ? check_address(f, *address) : wrong;
    }
    case FieldType::kFile:
      return list ? check_files(f, *list) : wrong;
    case FieldType::kUnknown:
      return wrong;
  }
  return wrong;
}

bool condition_holds(const FieldCondition& c, const FieldValue* value) {
  if (!value) return c.equals == "false";  // an unticked box sends nothing
  if (const auto* s = std::get_if<std::string>(value)) return trim_blank(*s) == c.equals;
  if (const auto* tick = std::get_if<bool>(value)) return (*tick ? "true" : "false") == c.equals;
  if (const auto* list = std::get_if<std::vector<std::string>>(value))
    return std::find(list->begin(), list->end(), c.equals) != list->end();
  if (const auto* n = std::get_if<double>(value)) {
    const auto wanted = parse_form_number(c.equals);
    return wanted && *wanted == *n;
  }
  return false;
}

bool shown(const FormDefinition& form, const FormField& field, const FormValues& values,
           std::size_t depth) {
  if (!field.show_when) return true;
  // A definition whose conditions go round in circles hides the fields involved.
  if (depth > form.fields.size()) return false;
  const FormField* other = find_field(form, field.show_when->field);
  if (!other || !shown(form, *other, values, depth + 1)) return false;
  return condition_holds(*field.show_when, find_value(values, other->key));
}

std::string_view accept_key(const std::vector<std::string>& accept) {
  const bool image = std::find(accept.begin(), accept.end(), kFileImage) != accept.end();
  const bool pdf = std::find(accept.begin(), accept.end(), kFilePdf) != accept.end();
  if (image && pdf) return kAcceptImagePdf;
  return image ? kAcceptImage : kAcceptPdf;
}

}  // namespace

bool is_field_shown(const FormDefinition& form, const FormField& field, const FormValues& values) {
  return shown(form, field, values, 0);
}

FormValues kept_values(const FormDefinition& form, const FormValues& values) {
  FormValues kept;
  for (const FormField& field : form.fields) {
    const FieldValue* value = find_value(values, field.key);
    if (value && is_field_shown(form, field, values)) kept.emplace(field.key, *value);
  }
  return kept;
}

FieldErrors validate_form(const FormDefinition& form, const FormValues& values, Date today) {
  FieldErrors errors;
  for (const auto& [key, value] : values)
    if (!find_field(form, key)) errors[key] = message(kFormUnknownField, {key});
  for (const FormField& field : form.fields) {
    if (!is_field_shown(form, field, values)) continue;
    const FieldValue* value = find_value(values, field.key);
    if (value && std::holds_alternative<std::monostate>(*value)) {
      errors[field.key] = kFormWrongType;
    } else if (is_empty(value)) {
      if (field.required) errors[field.key] = required_message(field.type);
    } else if (auto error = check_value(field, *value, today)) {
      errors[field.key] = std::move(*error);
    }
  }
  return errors;
}

FieldErrors validate_papers(const Procedure& procedure, const PaperFiles& files) {
  FieldErrors errors;
  for (const auto& [code, list] : files)
    if (!find_paper(procedure, code)) errors["papers." + code] = message(kPapersUnknown, {code});
  for (const Paper& paper : procedure.papers) {
    const std::string key = "papers." + paper.code;
    const auto it = files.find(paper.code);
    const std::vector<AttachedFile> none;
    const auto& list = it == files.end() ? none : it->second;
    if (list.empty()) {
      if (paper.required) errors[key] = message(kPapersRequired, {paper.name});
      continue;
    }
    if (static_cast<int>(list.size()) > paper.max_files) {
      errors[key] = message(kPapersTooManyFiles, {paper.name, count_text(paper.max_files)});
      continue;
    }
    for (const AttachedFile& file : list) {
      if (!is_media_id(file.media)) {
        errors[key] = kFormFileInvalid;
        break;
      }
      if (std::find(paper.accept.begin(), paper.accept.end(), file.kind) == paper.accept.end()) {
        errors[key] = message(kPapersKindRefused, {paper.name, accept_key(paper.accept)});
        break;
      }
    }
  }
  return errors;
}

}  // namespace cdscb::core
