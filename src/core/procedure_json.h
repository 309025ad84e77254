#pragma once
// A procedure with its papers and form (core/procedure.h), and a dossier's submitted values and
// attachments (core/form_validation.h), as the API's JSON and back: the server's answers and
// stored definitions, the app's cached catalogue and drafts, and the seed files in
// data/procedures/. Templates over the JSON type, as core/directory_json.h, so that core itself
// needs no JSON library: callers pass nlohmann::json. Reading is defensive: a missing member
// reads as its default, an unknown field type as FieldType::kUnknown (validate_procedure refuses
// it), a value of no known shape as std::monostate (validate_form refuses it).
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/form_validation.h"
#include "core/json_read.h"
#include "core/procedure.h"

namespace cdscb::core {
namespace procedure_json_detail {

template <class Json>
Json field_json(const FormField& f) {
  Json j = {{"key", f.key}, {"type", field_type_name(f.type)}, {"label", f.label}};
  if (!f.help.empty()) j["help"] = f.help;
  if (f.required) j["required"] = true;
  if (f.min_length) j["min_length"] = *f.min_length;
  if (f.max_length) j["max_length"] = *f.max_length;
  if (f.min_value) j["min"] = *f.min_value;
  if (f.max_value) j["max"] = *f.max_value;
  if (f.integer) j["integer"] = true;
  if (!f.min_date.empty()) j["min_date"] = f.min_date;
  if (!f.max_date.empty()) j["max_date"] = f.max_date;
  if (!f.options.empty()) {
    Json options = Json::array();
    for (const auto& o : f.options) options.push_back(Json{{"value", o.value}, {"label", o.label}});
    j["options"] = options;
  }
  if (!f.accept.empty()) j["accept"] = f.accept;
  if (!f.group.empty()) j["group"] = f.group;
  if (f.show_when)
    j["show_when"] = Json{{"field", f.show_when->field}, {"equals", f.show_when->equals}};
  if (!f.prefill.empty()) j["prefill"] = f.prefill;
  return j;
}

template <class Json>
FormField field_from(const Json& j) {
  using namespace json_read;
  FormField f;
  f.key = text(j, "key");
  f.type = parse_field_type(text(j, "type"));
  f.label = text(j, "label");
  f.help = text(j, "help");
  f.required = flag(j, "required");
  f.min_length = optional_integer(j, "min_length");
  f.max_length = optional_integer(j, "max_length");
  f.min_value = optional_number(j, "min");
  f.max_value = optional_number(j, "max");
  f.integer = flag(j, "integer");
  f.min_date = text(j, "min_date");
  f.max_date = text(j, "max_date");
  if (const Json* options = member(j, "options"); options && options->is_array())
    for (const auto& o : *options) f.options.push_back({text(o, "value"), text(o, "label")});
  f.accept = string_list(j, "accept");
  f.group = text(j, "group");
  if (const Json* when = member(j, "show_when"); when && when->is_object())
    f.show_when = FieldCondition{text(*when, "field"), text(*when, "equals")};
  f.prefill = text(j, "prefill");
  return f;
}

template <class Json>
Json paper_json(const Paper& p) {
  return Json{{"code", p.code},           {"name", p.name},         {"form", p.form},
              {"count", p.count},         {"required", p.required}, {"accept", p.accept},
              {"max_files", p.max_files}, {"note", p.note}};
}

template <class Json>
Paper paper_from(const Json& j) {
  using namespace json_read;
  Paper p;
  p.code = text(j, "code");
  p.name = text(j, "name");
  if (auto form = optional_text(j, "form")) p.form = *form;
  p.count = static_cast<int>(optional_integer(j, "count").value_or(1));
  if (const Json* required = member(j, "required"); required && required->is_boolean())
    p.required = required->template get<bool>();
  if (member(j, "accept")) p.accept = string_list(j, "accept");
  p.max_files = static_cast<int>(optional_integer(j, "max_files").value_or(10));
  p.note = text(j, "note");
  return p;
}

}  // namespace procedure_json_detail

template <class Json>
Json form_json(const FormDefinition& form) {
  Json fields = Json::array();
  for (const FormField& f : form.fields)
    fields.push_back(procedure_json_detail::field_json<Json>(f));
  return Json{{"fields", fields}};
}

template <class Json>
FormDefinition form_from_json(const Json& j) {
  FormDefinition form;
  if (const Json* fields = json_read::member(j, "fields"); fields && fields->is_array())
    for (const auto& f : *fields) form.fields.push_back(procedure_json_detail::field_from(f));
  return form;
}

template <class Json>
Json procedure_json(const Procedure& p) {
  Json papers = Json::array();
  for (const Paper& paper : p.papers)
    papers.push_back(procedure_json_detail::paper_json<Json>(paper));
  return Json{{"code", p.code},
              {"name", p.name},
              {"field", Json{{"code", p.field_code}, {"name", p.field_name}}},
              {"level", p.level},
              {"agency", p.agency_code},
              {"online_level", p.online_level},
              {"processing_days", p.processing_days},
              {"after_15_next_day", p.after_15_next_day},
              {"fee_vnd", p.fee_vnd ? Json(*p.fee_vnd) : Json(nullptr)},
              {"fee_note", p.fee_note},
              {"legal_basis", p.legal_basis},
              {"papers", papers},
              {"form", form_json<Json>(p.form)},
              {"version", p.version},
              {"sample", p.sample},
              {"sample_note", p.sample_note}};
}

template <class Json>
Procedure procedure_from_json(const Json& j) {
  using namespace json_read;
  Procedure p;
  p.code = text(j, "code");
  p.name = text(j, "name");
  if (const Json* field = member(j, "field")) {
    p.field_code = text(*field, "code");
    p.field_name = text(*field, "name");
  }
  p.level = text(j, "level");
  p.agency_code = text(j, "agency");
  p.online_level = text(j, "online_level");
  p.processing_days = static_cast<int>(optional_integer(j, "processing_days").value_or(-1));
  p.after_15_next_day = flag(j, "after_15_next_day");
  p.fee_vnd = optional_integer(j, "fee_vnd");
  p.fee_note = text(j, "fee_note");
  p.legal_basis = text(j, "legal_basis");
  if (const Json* papers = member(j, "papers"); papers && papers->is_array())
    for (const auto& paper : *papers) p.papers.push_back(procedure_json_detail::paper_from(paper));
  if (const Json* form = member(j, "form")) p.form = form_from_json(*form);
  p.version = static_cast<int>(optional_integer(j, "version").value_or(0));
  p.sample = flag(j, "sample");
  p.sample_note = text(j, "sample_note");
  return p;
}

// A dossier's values: {"key": value, …}; an address is {"commune": …, "street": …}.
template <class Json>
Json form_values_json(const FormValues& values) {
  Json out = Json::object();
  for (const auto& [key, value] : values) {
    out[key] = std::visit(
        [](const auto& v) -> Json {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            return Json(nullptr);
          } else if constexpr (std::is_same_v<T, AddressValue>) {
            return Json{{"commune", v.commune}, {"street", v.street}};
          } else {
            return Json(v);
          }
        },
        value);
  }
  return out;
}

// null members are left out (nothing given); anything else unreadable is kept as std::monostate.
template <class Json>
FormValues form_values_from_json(const Json& j) {
  FormValues values;
  if (!j.is_object()) return values;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const Json& v = it.value();
    FieldValue value;
    if (v.is_null()) continue;
    if (v.is_string()) {
      value = v.template get<std::string>();
    } else if (v.is_boolean()) {
      value = v.template get<bool>();
    } else if (v.is_number()) {
      value = v.template get<double>();
    } else if (v.is_array()) {
      bool strings = true;
      for (const auto& item : v) strings = strings && item.is_string();
      if (strings) {
        std::vector<std::string> list;
        for (const auto& item : v) list.push_back(item.template get<std::string>());
        value = std::move(list);
      }
    } else if (v.is_object() && v.size() <= 2 && v.contains("commune")) {
      value = AddressValue{json_read::text(v, "commune"), json_read::text(v, "street")};
    }
    values.emplace(it.key(), std::move(value));
  }
  return values;
}

// Attachments: {"paper_code": [{"media": "<sha256>", "kind": "image"}, …], …}.
template <class Json>
Json paper_files_json(const PaperFiles& files) {
  Json out = Json::object();
  for (const auto& [code, list] : files) {
    Json items = Json::array();
    for (const AttachedFile& f : list) items.push_back(Json{{"media", f.media}, {"kind", f.kind}});
    out[code] = items;
  }
  return out;
}

template <class Json>
PaperFiles paper_files_from_json(const Json& j) {
  PaperFiles files;
  if (!j.is_object()) return files;
  for (auto it = j.begin(); it != j.end(); ++it) {
    auto& list = files[it.key()];
    if (!it.value().is_array()) continue;
    for (const auto& f : it.value())
      list.push_back({json_read::text(f, "media"), json_read::text(f, "kind")});
  }
  return files;
}

// What "Gửi hồ sơ" sends: the procedure and the version the form was filled under, the values
// and the attachments.
template <class Json>
Json dossier_submission_json(const DossierSubmission& s) {
  return Json{{"procedure", s.procedure_code},
              {"version", s.version},
              {"values", form_values_json<Json>(s.values)},
              {"papers", paper_files_json<Json>(s.papers)}};
}

template <class Json>
DossierSubmission dossier_submission_from_json(const Json& j) {
  DossierSubmission s;
  s.procedure_code = json_read::text(j, "procedure");
  s.version = static_cast<int>(json_read::optional_integer(j, "version").value_or(0));
  if (const Json* values = json_read::member(j, "values"))
    s.values = form_values_from_json(*values);
  if (const Json* papers = json_read::member(j, "papers"))
    s.papers = paper_files_from_json(*papers);
  return s;
}

}  // namespace cdscb::core
