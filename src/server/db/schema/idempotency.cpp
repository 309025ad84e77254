#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// The keys of db/idempotency.h, one per (account, scope, key). record_id is set in the same
// transaction that claims the key, so a committed row always has it. request_hash is '' for the
// feedback keys carried over from feedback.idempotency_key, made before hashes were kept; that
// column is no longer written or read.
void create_idempotency_keys(soci::session& sql, Backend) {
  sql << "CREATE TABLE idempotency_keys ("
         "  user_id BIGINT NOT NULL REFERENCES users (id),"
         "  scope TEXT NOT NULL,"
         "  idempotency_key TEXT NOT NULL,"
         "  request_hash TEXT NOT NULL,"
         "  record_id BIGINT,"
         "  created_at BIGINT NOT NULL,"
         "  PRIMARY KEY (user_id, scope, idempotency_key)"
         ")";
  sql << "INSERT INTO idempotency_keys (user_id, scope, idempotency_key, request_hash, "
         "record_id, created_at) SELECT user_id, 'feedback', idempotency_key, '', id, created_at "
         "FROM feedback WHERE idempotency_key IS NOT NULL";
  sql << "UPDATE feedback SET idempotency_key = NULL";
}

}  // namespace cdscb::server::db::schema
