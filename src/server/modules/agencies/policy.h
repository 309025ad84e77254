// Who may read the agencies: anyone, signed in or not (their names and codes are public, and the
// sign-up and feedback forms show them). Nobody edits them through the API: data/agencies.csv is
// the source, loaded at start.
#pragma once
