// How many SQL statements this thread has run: every pooled session reports each statement it
// prepares to a counter of the thread that uses it. The list tests read it around one request
// (tests/server/modules/list_statements_test.cpp) to check that a page costs a fixed number of
// statements whatever its size. It replaces SOCI's default logger, which copies every query's
// text for get_last_query (unused here): an increment costs less than that copy.
#pragma once

namespace soci {
class session;
}

namespace cdscb::server::db {

// Installs the counting logger on `sql` (Database does it for each pooled session).
void count_statements(soci::session& sql);

// Statements prepared on this thread since it started; take the difference around a call.
// A prepared statement executed several times counts once; the server's code prepares each time.
long long statements_on_this_thread();

}  // namespace cdscb::server::db
