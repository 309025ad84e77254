#include "app/screens/services_filing_fields.h"

#include <algorithm>

#include "app/ui/widgets.h"
#include "core/communes.h"

namespace cdscb::app::screens {
namespace {

// The keyboard and autofill a phone offers for each type.
const char* input_kind(const core::FormField& field) {
  switch (field.type) {
    case core::FieldType::kPhone:
      return "tel";
    case core::FieldType::kEmail:
      return "email";
    case core::FieldType::kNumber:
    case core::FieldType::kPersonalNumber:
      return "number";
    case core::FieldType::kDate:
      return field.prefill == "birth_date" ? "date" : "day";
    default:
      return field.prefill == "full_name" ? "name" : "text";
  }
}

template <class T>
T& as(core::FieldValue& value) {
  if (!std::holds_alternative<T>(value)) value = T{};
  return std::get<T>(value);
}

// A number the citizen typed is kept as its text (the validator reads numbers typed as text), so
// "1," stays as typed while editing.
std::string& text_of(core::FieldValue& value) {
  if (const double* number = std::get_if<double>(&value)) {
    std::string text = std::to_string(*number);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    value = text;
  }
  return as<std::string>(value);
}

std::vector<std::string> commune_names() {
  std::vector<std::string> names;
  for (const auto& c : core::communes()) names.emplace_back(c.name);
  return names;
}

int commune_index(std::string_view code) {
  int i = 0;
  for (const auto& c : core::communes()) {
    if (c.code == code) return i;
    ++i;
  }
  return -1;
}

}  // namespace

void draw_form_field(AppContext& ctx, const core::FormField& field, core::FieldValue& value,
                     const std::string& error) {
  const std::string id = "services.filing.f." + field.key;
  std::string label = field.label;
  if (field.required && field.type != core::FieldType::kCheckbox) label += " *";
  const ui::FieldOptions options{
      .placeholder = field.type == core::FieldType::kDate ? ctx.t("services.filing.date_hint") : "",
      .input = input_kind(field),
      .error = error};
  switch (field.type) {
    case core::FieldType::kLongText:
      ui::text_area(ctx, id.c_str(), label.c_str(), as<std::string>(value), 4, options);
      break;
    case core::FieldType::kSelect: {
      std::vector<std::string> labels;
      int index = -1;
      std::string& chosen = as<std::string>(value);
      for (const auto& o : field.options) {
        if (o.value == chosen) index = static_cast<int>(labels.size());
        labels.push_back(o.label);
      }
      if (ui::combo(ctx, id.c_str(), label.c_str(), index, labels, ctx.t("services.filing.choose"),
                    error) &&
          index >= 0)
        chosen = field.options[index].value;
      break;
    }
    case core::FieldType::kMultiSelect: {
      ui::paragraph(ctx, (id + ".label").c_str(), label.c_str());
      auto& chosen = as<std::vector<std::string>>(value);
      for (const auto& o : field.options) {
        bool on = std::find(chosen.begin(), chosen.end(), o.value) != chosen.end();
        if (ui::checkbox(ctx, (id + "." + o.value).c_str(), o.label.c_str(), on)) {
          std::erase(chosen, o.value);
          if (on) chosen.push_back(o.value);
        }
      }
      if (!error.empty())
        ui::paragraph(ctx, (id + ".error").c_str(), error.c_str(), ui::Theme::kError);
      break;
    }
    case core::FieldType::kCheckbox: {
      ui::checkbox(ctx, id.c_str(), label.c_str(), as<bool>(value));
      if (!error.empty())
        ui::paragraph(ctx, (id + ".error").c_str(), error.c_str(), ui::Theme::kError);
      break;
    }
    case core::FieldType::kAddress: {
      static const std::vector<std::string> names = commune_names();
      auto& address = as<core::AddressValue>(value);
      int index = commune_index(address.commune);
      const std::string commune_label = label + " — " + ctx.t("services.filing.commune");
      if (ui::combo(ctx, (id + ".commune").c_str(), commune_label.c_str(), index, names,
                    ctx.t("services.filing.choose"), error) &&
          index >= 0)
        address.commune = std::string(core::communes()[index].code);
      ui::text_field(ctx, (id + ".street").c_str(), ctx.t("services.filing.street"),
                     address.street);
      break;
    }
    case core::FieldType::kFile:
      // Files of a form field are attached like papers; none of the forms asks one online yet.
      ui::paragraph(ctx, id.c_str(), label.c_str(), ui::Theme::kMutedText);
      break;
    default:
      ui::text_field(ctx, id.c_str(), label.c_str(), text_of(value), options);
      break;
  }
  if (!field.help.empty())
    ui::paragraph(ctx, (id + ".help").c_str(), field.help.c_str(), ui::Theme::kMutedText);
}

std::string form_value_text(AppContext& ctx, const core::FormField& field,
                            const core::FieldValue& value) {
  if (form_value_blank(value)) return {};
  if (const auto* text = std::get_if<std::string>(&value)) {
    for (const auto& o : field.options)
      if (o.value == *text) return o.label;
    return *text;
  }
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::string out;
    for (const auto& o : field.options)
      if (std::find(list->begin(), list->end(), o.value) != list->end())
        out += (out.empty() ? "" : ", ") + o.label;
    return out;
  }
  if (const auto* on = std::get_if<bool>(&value))
    return ctx.t(*on ? "services.filing.yes" : "services.filing.no");
  if (const auto* address = std::get_if<core::AddressValue>(&value)) {
    const int index = commune_index(address->commune);
    std::string out = address->street;
    if (index >= 0) out += (out.empty() ? "" : ", ") + std::string(core::communes()[index].name);
    return out;
  }
  return {};
}

bool form_value_blank(const core::FieldValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return true;
  if (const auto* text = std::get_if<std::string>(&value))
    return text->find_first_not_of(" \t\n") == std::string::npos;
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) return list->empty();
  if (const auto* address = std::get_if<core::AddressValue>(&value))
    return address->commune.empty() && address->street.empty();
  return false;
}

}  // namespace cdscb::app::screens
