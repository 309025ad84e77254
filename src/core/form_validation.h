#pragma once
// The one validator of a dossier's form and papers, run by the app beside each field and by the
// server before anything is stored. Errors are field key → message (core/message.h: a key of
// public/i18n/vi.json with its arguments). Pure functions, no I/O.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/procedure.h"
#include "core/profile.h"

namespace cdscb::core {

// An address: one of the 56 communes (core/communes.h) and the house number, street or hamlet.
struct AddressValue {
  std::string commune;
  std::string street;
  bool operator==(const AddressValue&) const = default;
};

// A submitted value as its JSON gives it: text (text, long text, date, select, phone, email,
// personal number; a number typed as text too), a number, a tick, a list (multi-select choices,
// file media ids) or an address. std::monostate is a value of no readable shape (a nested
// object, an array of numbers…): always refused.
using FieldValue =
    std::variant<std::monostate, std::string, double, bool, std::vector<std::string>, AddressValue>;
using FormValues = std::map<std::string, FieldValue>;
using FieldErrors = std::map<std::string, std::string>;

// Whether `field` is shown given `values`: it has no condition, or the field its condition names
// is shown and holds the value.
bool is_field_shown(const FormDefinition& form, const FormField& field, const FormValues& values);

// `values` without hidden fields' values and unknown keys: what is stored with the dossier.
FormValues kept_values(const FormDefinition& form, const FormValues& values);

// Errors of `values` against `form`: required fields that are shown, each type's format, limits
// and options; keys the form does not have. Hidden fields are not checked (and not kept).
// `today` (Vietnam's calendar) is what "today" means in date limits and personal numbers.
FieldErrors validate_form(const FormDefinition& form, const FormValues& values, Date today);

// A file attached to a paper: the media id (sha256 hex, as the media store names uploads) and
// its kind (kFileImage or kFilePdf) as the server found it by content.
struct AttachedFile {
  std::string media;
  std::string kind;
  bool operator==(const AttachedFile&) const = default;
};
using PaperFiles = std::map<std::string, std::vector<AttachedFile>>;  // paper code → files

// Errors of the attachments, keyed "papers.<code>": a required paper missing, a paper the
// procedure does not list, a kind it does not accept, too many files, a malformed media id.
FieldErrors validate_papers(const Procedure& procedure, const PaperFiles& files);

// What "Gửi hồ sơ" sends: the procedure, the version of its form the citizen filled, the values
// and the attachments. A dossier keeps that version even when the procedure is edited later.
struct DossierSubmission {
  std::string procedure_code;
  int version = 0;
  FormValues values;
  PaperFiles papers;
  bool operator==(const DossierSubmission&) const = default;
};

// Whether `text` is a sha256 in lowercase hex (a media id).
bool is_media_id(std::string_view text);

// "0912 345 678", "+84 206 3852 123" → "0912345678", "02063852123": Vietnamese mobile (10
// digits) or landline (11) numbers, spaces, dots and dashes ignored; nullopt otherwise.
std::optional<std::string> normalize_form_phone(std::string_view text);

// The 12-digit personal number (số định danh cá nhân, on the CCCD): digits 1–3 are the province
// of birth registration, digit 4 the century of birth and sex, digits 5–6 the year of birth.
// Valid when the province code exists and the birth year is not after `today` nor more than
// 150 years before it. There is no check digit.
bool is_personal_number(std::string_view text, Date today);

// "1.234,5" or "1234.5" → 1234.5 as a citizen might type it (a comma is the decimal separator in
// Vietnamese; dots between groups of three are grouping); nullopt for anything else.
std::optional<double> parse_form_number(std::string_view text);

// Value messages: keys of public/i18n/vi.json and en.json.
inline constexpr std::string_view kFormRequired = "validation.form.required";
inline constexpr std::string_view kFormChoiceRequired = "validation.form.choice_required";
inline constexpr std::string_view kFormTickRequired = "validation.form.tick_required";
inline constexpr std::string_view kFormFileRequired = "validation.form.file_required";
inline constexpr std::string_view kFormUnknownField = "validation.form.unknown_field";
inline constexpr std::string_view kFormWrongType = "validation.form.wrong_type";
inline constexpr std::string_view kFormTooShort = "validation.form.too_short";
inline constexpr std::string_view kFormTooLong = "validation.form.too_long";
inline constexpr std::string_view kFormNumberInvalid = "validation.form.number_invalid";
inline constexpr std::string_view kFormNumberNotWhole = "validation.form.number_not_whole";
inline constexpr std::string_view kFormNumberTooSmall = "validation.form.number_too_small";
inline constexpr std::string_view kFormNumberTooLarge = "validation.form.number_too_large";
inline constexpr std::string_view kFormDateInvalid = "validation.form.date_invalid";
inline constexpr std::string_view kFormDateTooEarly = "validation.form.date_too_early";
inline constexpr std::string_view kFormDateTooLate = "validation.form.date_too_late";
inline constexpr std::string_view kFormOptionUnknown = "validation.form.option_unknown";
inline constexpr std::string_view kFormTooFewChoices = "validation.form.too_few_choices";
inline constexpr std::string_view kFormTooManyChoices = "validation.form.too_many_choices";
inline constexpr std::string_view kFormPhoneInvalid = "validation.form.phone_invalid";
inline constexpr std::string_view kFormPersonalNumberFormat =
    "validation.form.personal_number_format";
inline constexpr std::string_view kFormPersonalNumberInvalid =
    "validation.form.personal_number_invalid";
inline constexpr std::string_view kFormCommuneRequired = "validation.form.commune_required";
inline constexpr std::string_view kFormStreetRequired = "validation.form.street_required";
inline constexpr std::string_view kFormFileInvalid = "validation.form.file_invalid";
inline constexpr std::string_view kFormTooFewFiles = "validation.form.too_few_files";
inline constexpr std::string_view kFormTooManyFiles = "validation.form.too_many_files";
inline constexpr std::string_view kPapersRequired = "validation.papers.required";
inline constexpr std::string_view kPapersUnknown = "validation.papers.unknown";
inline constexpr std::string_view kPapersKindRefused = "validation.papers.kind_refused";
inline constexpr std::string_view kPapersTooManyFiles = "validation.papers.too_many_files";
// Arguments of kPapersKindRefused: what the paper accepts, as a key.
inline constexpr std::string_view kAcceptImage = "services.accept.image";
inline constexpr std::string_view kAcceptPdf = "services.accept.pdf";
inline constexpr std::string_view kAcceptImagePdf = "services.accept.image_pdf";

}  // namespace cdscb::core
