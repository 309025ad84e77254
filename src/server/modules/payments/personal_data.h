// What the payment module keeps about a person, for "download my data" and "delete my account".
#pragma once

#include "modules/accounts/personal_data.h"

namespace cdscb::server::payments {

accounts::PersonalDataSection payments_personal_data();

}  // namespace cdscb::server::payments
