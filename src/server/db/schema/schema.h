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

// 5: stored photos and who uploaded them (see media.cpp).
void create_media(soci::session& sql, Backend backend);

// 6: verification_sends.ip, for the per-address limit on texts; indexes for the purge.
void add_send_address(soci::session& sql, Backend backend);
// 7: feedback: agencies, fields, feedback and its updates, followers, notifications, Open311 keys
// (see feedback.cpp).
void create_feedback(soci::session& sql, Backend backend);

// 8: news articles, feeds, alerts and fetched feed images (see news.cpp).
void create_news(soci::session& sql, Backend backend);

// 9: the government directory's records (see directory.cpp).
void create_directory(soci::session& sql, Backend backend);

// 10: an index covering the officer queue of feedback (see feedback_queue.cpp).
void add_feedback_queue_index(soci::session& sql, Backend backend);

// 12: public holidays and make-up working days for feedback deadlines (see holidays.cpp).
void create_holidays(soci::session& sql, Backend backend);
// 13: feedback.search_text (folded, for the public list's search) and indexes for the public
// filters and the officer queue (see feedback_search.cpp).
void add_feedback_search(soci::session& sql, Backend backend);
// 28: the trigram index of feedback.search_text: FTS5 on SQLite, pg_trgm on PostgreSQL (see
// feedback_text_index.cpp).
void add_feedback_text_index(soci::session& sql, Backend backend);
// 14: the Idempotency-Key of creating requests, with a hash of each request (see
// idempotency.cpp and db/idempotency.h).
void create_idempotency_keys(soci::session& sql, Backend backend);
// 11: indexes for the public map of feedback (see feedback_map.cpp).
void add_feedback_map_indexes(soci::session& sql, Backend backend);
// 15: the follow tokens of unpublished feedback (see feedback_follow.cpp).
void create_feedback_follow_tokens(soci::session& sql, Backend backend);

// 18: media_uploads (who uploaded each photo) and news_alerts.agency, for the policies.
void add_record_owners(soci::session& sql, Backend backend);

// 16: the jobs the worker runs off the request path, with their attempts (see jobs.cpp).
void create_jobs(soci::session& sql, Backend backend);

// 17: rate-limit counters and indexes for the purges of notifications and unused photos (see
// bounds.cpp).
void add_bounds(soci::session& sql, Backend backend);

// 20: payment orders, their bills, holds on bills, the partners' messages and saved customer
// codes (see payments.cpp).
void create_payments(soci::session& sql, Backend backend);

// 21: "Dịch vụ công": unit codes, procedures and their versions, dossiers, their daily counters
// and timeline, and "Kho giấy tờ" (see dossiers.cpp).
void create_dossiers(soci::session& sql, Backend backend);
// 25: the public cameras' registry (see cameras.cpp).
void create_cameras(soci::session& sql, Backend backend);
void add_payment_purpose(soci::session& sql, Backend backend);

}  // namespace cdscb::server::db::schema
