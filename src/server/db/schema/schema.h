// The body of each migration after the first, one file per module's tables. Listed, in order,
// in db/migrations.cpp. Each runs inside its migration's transaction; SQL runs on SQLite and
// PostgreSQL alike (`backend` only picks the auto-increment id type).
#pragma once

#include "db/database.h"

namespace cdscb::server::db::schema {

// "INTEGER PRIMARY KEY" on SQLite, "BIGSERIAL PRIMARY KEY" on PostgreSQL: a 64-bit id assigned
// on insert.
const char* id_column(Backend backend);

// 2: users, verification codes and their sends, sessions and login failures.
void create_accounts(soci::session& sql, Backend backend);

// users.deleted_at: accounts deleted by their owner, kept anonymised (see accounts.cpp).
void add_user_deleted_at(soci::session& sql, Backend backend);

// 4: VNeID links, login states and attempts (see vneid.cpp).
void create_vneid(soci::session& sql, Backend backend);

// 8: news articles, feeds, alerts and fetched feed images (see news.cpp).
void create_news(soci::session& sql, Backend backend);

}  // namespace cdscb::server::db::schema
