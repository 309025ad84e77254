#pragma once
// The form of a procedure in "Quản lý thủ tục": its fields in order — add, remove, move up or
// down — each with its type, key, label, help, required, limits, options (one "value|label" a
// line) and "show when field X is Y".
#include <string>
#include <vector>

#include "app/app_context.h"
#include "core/procedure.h"

namespace cdscb::app::screens {

class ServicesOfficeFormEditor {
 public:
  void load(const core::FormDefinition& form);
  // The definition from what was typed (limits and options parsed).
  core::FormDefinition collect() const;
  void draw(AppContext& ctx, float width, const std::string& error);

 private:
  struct Row {
    core::FormField field;
    std::string min, max;  // lengths (text, multi-select, file) or values (number)
    std::string options;   // "value|label" per line
    std::string when_field, when_equals;
  };
  std::vector<Row> rows_;
};

}  // namespace cdscb::app::screens
