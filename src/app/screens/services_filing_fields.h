#pragma once
// One field of a procedure's form (core::FormField) drawn with the app's widgets, for each of
// core's field types, and the text of a value for "Xem lại". Widget ids are
// "services.filing.f.<key>" (an address adds ".commune" and ".street", a multi-select
// ".<option value>").
#include <string>

#include "app/app_context.h"
#include "core/form_validation.h"

namespace cdscb::app::screens {

// Draws `field` editing `value` (set to the type's shape as it is edited), with `error` under it.
void draw_form_field(AppContext& ctx, const core::FormField& field, core::FieldValue& value,
                     const std::string& error);

// The value as the citizen reads it: option labels, the commune's name, "Có"/"Không"; "" when
// nothing is given.
std::string form_value_text(AppContext& ctx, const core::FormField& field,
                            const core::FieldValue& value);

// Whether nothing is given: no value, a blank text, an empty list or address. Blank values are
// left out of what is validated and sent, as the server reads a missing value.
bool form_value_blank(const core::FieldValue& value);

}  // namespace cdscb::app::screens
