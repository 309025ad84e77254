#include "app/screens/services_office_form_editor.h"

#include <imgui.h>

#include <cstdlib>
#include <sstream>

#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

bool numeric_limits(core::FieldType type) { return type == core::FieldType::kNumber; }

bool has_options(core::FieldType type) {
  return type == core::FieldType::kSelect || type == core::FieldType::kMultiSelect;
}

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

void ServicesOfficeFormEditor::load(const core::FormDefinition& form) {
  rows_.clear();
  for (const auto& f : form.fields) {
    Row row{.field = f};
    if (numeric_limits(f.type)) {
      if (f.min_value) row.min = number_text(*f.min_value);
      if (f.max_value) row.max = number_text(*f.max_value);
    } else {
      if (f.min_length) row.min = std::to_string(*f.min_length);
      if (f.max_length) row.max = std::to_string(*f.max_length);
    }
    for (const auto& o : f.options) row.options += o.value + "|" + o.label + "\n";
    if (f.show_when) {
      row.when_field = f.show_when->field;
      row.when_equals = f.show_when->equals;
    }
    rows_.push_back(std::move(row));
  }
}

core::FormDefinition ServicesOfficeFormEditor::collect() const {
  core::FormDefinition form;
  for (const auto& row : rows_) {
    core::FormField f = row.field;
    f.min_length.reset();
    f.max_length.reset();
    f.min_value.reset();
    f.max_value.reset();
    if (numeric_limits(f.type)) {
      if (!row.min.empty()) f.min_value = std::atof(row.min.c_str());
      if (!row.max.empty()) f.max_value = std::atof(row.max.c_str());
    } else {
      if (!row.min.empty()) f.min_length = std::atoll(row.min.c_str());
      if (!row.max.empty()) f.max_length = std::atoll(row.max.c_str());
    }
    f.options.clear();
    if (has_options(f.type)) {
      std::istringstream in(row.options);
      for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \r") == std::string::npos) continue;
        const auto bar = line.find('|');
        const std::string value = line.substr(0, bar);
        f.options.push_back({value, bar == std::string::npos ? value : line.substr(bar + 1)});
      }
    }
    f.show_when.reset();
    if (!row.when_field.empty())
      f.show_when = core::FieldCondition{row.when_field, row.when_equals};
    form.fields.push_back(std::move(f));
  }
  return form;
}

void ServicesOfficeFormEditor::draw(AppContext& ctx, float width, const std::string& error) {
  ui::heading(ctx, "services.office.form", ctx.t("services.office.form"), 2);
  if (!error.empty())
    ui::paragraph(ctx, "services.office.form_error", error.c_str(), ui::Theme::kError);
  std::vector<std::string> types;
  for (const auto type : core::field_types())
    types.push_back(ctx.t("services.office.type." + std::string(core::field_type_name(type))));
  int move_up = -1, remove = -1;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    Row& row = rows_[i];
    const std::string p = "services.office.field." + std::to_string(i) + ".";
    const auto id = [&](const char* part) { return p + part; };
    ImGui::PushID(static_cast<int>(i));
    const std::string title =
        std::to_string(i + 1) + ". " + (row.field.label.empty() ? row.field.key : row.field.label);
    ui::heading(ctx, id("title").c_str(), title.c_str(), 3);
    ui::text_field(ctx, id("label").c_str(), ctx.t("services.office.field_label"), row.field.label);
    ui::text_field(ctx, id("key").c_str(), ctx.t("services.office.field_key"), row.field.key,
                   {.placeholder = "ho_ten"});
    int type = -1;
    const auto all = core::field_types();
    for (std::size_t t = 0; t < all.size(); ++t)
      if (all[t] == row.field.type) type = static_cast<int>(t);
    if (ui::combo(ctx, id("type").c_str(), ctx.t("services.office.field_type"), type, types) &&
        type >= 0)
      row.field.type = all[type];
    ui::text_field(ctx, id("help").c_str(), ctx.t("services.office.field_help"), row.field.help);
    ui::checkbox(ctx, id("required").c_str(), ctx.t("services.office.field_required"),
                 row.field.required);
    const bool number = numeric_limits(row.field.type);
    ui::text_field(ctx, id("min").c_str(),
                   ctx.t(number ? "services.office.field_min_value" : "services.office.field_min"),
                   row.min, {.input = "number"});
    ui::text_field(ctx, id("max").c_str(),
                   ctx.t(number ? "services.office.field_max_value" : "services.office.field_max"),
                   row.max, {.input = "number"});
    if (has_options(row.field.type))
      ui::text_area(ctx, id("options").c_str(), ctx.t("services.office.field_options"), row.options,
                    3, {.placeholder = "co|Có"});
    ui::text_field(ctx, id("when_field").c_str(), ctx.t("services.office.field_when"),
                   row.when_field);
    ui::text_field(ctx, id("when_equals").c_str(), ctx.t("services.office.field_when_equals"),
                   row.when_equals);
    const float third = (width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    if (ui::button(ctx, id("up").c_str(), ctx.t("services.office.move_up"),
                   ui::ButtonKind::kSecondary, third) &&
        i > 0)
      move_up = static_cast<int>(i);
    ImGui::SameLine();
    if (ui::button(ctx, id("down").c_str(), ctx.t("services.office.move_down"),
                   ui::ButtonKind::kSecondary, third) &&
        i + 1 < rows_.size())
      move_up = static_cast<int>(i + 1);
    ImGui::SameLine();
    if (ui::button(ctx, id("remove").c_str(), ctx.t("services.office.remove"),
                   ui::ButtonKind::kSecondary, third))
      remove = static_cast<int>(i);
    ImGui::PopID();
  }
  if (move_up > 0) std::swap(rows_[move_up], rows_[move_up - 1]);
  if (remove >= 0) rows_.erase(rows_.begin() + remove);
  if (ui::button(ctx, "services.office.field_add", ctx.t("services.office.field_add"),
                 ui::ButtonKind::kSecondary, width))
    rows_.push_back({});
}

}  // namespace cdscb::app::screens
