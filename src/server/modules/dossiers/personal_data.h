// What "Dịch vụ công" keeps about a person, for "download my data" and "delete my account".
#pragma once

#include "modules/accounts/personal_data.h"

namespace cdscb::server::dossiers {

// Exports the person's dossiers (values, papers, statuses) and "Kho giấy tờ". Erasing deletes
// "Kho giấy tờ"; the dossiers stay, as the administrative records an agency must keep, tied to
// the anonymised account.
accounts::PersonalDataSection dossiers_personal_data();

}  // namespace cdscb::server::dossiers
