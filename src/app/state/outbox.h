#pragma once
// What waits to be sent ("Đang chờ gửi"), for any kind of submission (feedback now, public-service
// dossiers next). An item has a kind, an owner (the account that made it), its uploads and an
// Idempotency-Key made on this device; it is kept in the store under its owner's prefix
// (state/device_keys.h), so it survives reloads and closed tabs, and only its owner sees it.
//
// Sending: the uploads go first (POST /api/v1/media, or the kind's upload endpoint), then the
// item's body to its kind's endpoint with the key as Idempotency-Key. The body is fixed at the
// first attempt and resent byte for byte, so however often a flaky network makes it retry, the
// server keeps one record. Network failures retry with backoff and at once when the network
// returns. An item is sent only while its owner is the signed-in account the server confirmed,
// checked again before each step: a sign-out holds every item (unsent, hidden), signing back in as
// the same account resumes them, deleting the account removes them from the device. A refusal (4xx)
// hands the item back to its owner with the server's messages, kept (with its photos) until fixed
// and sent again or given up.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/api/client.h"
#include "app/state/replies.h"
#include "app/state/session.h"

namespace cdscb::app::state {

// How one kind of submission is posted: its endpoint, and its body made from the saved form with
// the ids the server gave its uploads (in the order of OutboxItem::uploads); where its uploads go
// and the member of that answer holding the upload's "id" (feedback: /api/v1/media → "media";
// dossiers: /api/v1/dossiers/files → "file").
struct SubmissionKind {
  std::string_view name;
  std::string_view endpoint;
  nlohmann::json (*body)(const nlohmann::json& form, const std::vector<std::string>& media_ids);
  std::string_view upload_endpoint = "/api/v1/media";
  std::string_view upload_member = "media";
};
// The kinds the outbox knows (state/outbox_kinds.cpp); adding one is one entry there.
const SubmissionKind* find_kind(std::string_view name);

// A file kept in the store under `key` (a photo), uploaded once: `media_id` is set from then on.
struct Upload {
  std::string key;
  std::string media_id;
};

struct OutboxItem {
  std::string kind;
  std::string owner;  // the user id of the account that made it
  std::string key;    // Idempotency-Key
  nlohmann::json form;
  std::vector<Upload> uploads;
  std::string body;  // the body as first posted; empty until then
  int attempts = 0;
  // Why the server holds it back for now, in its words (a rate limit: "… Hãy thử lại sau 42
  // phút."); shown with the waiting item, kept in memory only, cleared by the next answer.
  std::string held_back;
};

// A submission the server refused: listed to its owner and shown again in its form.
struct RefusedItem {
  OutboxItem item;
  api::ApiError error;
  // What to say about it in one line: the first message about a field, else the general one.
  std::string summary() const;
};

class Outbox {
 public:
  // Every frame: loads the saved items once, then drives the sending for the signed-in account.
  void update(api::Client& api, Replies& replies, const Session& session, double now);
  // The item goes out; the outbox owns its uploads from now on.
  void add(OutboxItem item);
  // The browser says the network changed: try at once instead of waiting for the backoff.
  void network_changed() { next_try_ = 0; }

  // What `owner` has waiting / refused, oldest first (nothing for an empty owner).
  std::vector<const OutboxItem*> waiting(std::string_view owner, std::string_view kind) const;
  std::vector<const RefusedItem*> refused(std::string_view owner, std::string_view kind) const;
  const RefusedItem* find_refused(std::string_view owner, std::string_view key) const;
  bool loaded() const { return loaded_; }
  // The owner is fixing a refused item: keeps what they changed so far (`edited` has its key).
  void keep_refused_edit(const OutboxItem& edited);
  // Sent again (its uploads now belong to the new item) or given up (`drop_uploads`).
  void forget_refused(std::string_view owner, std::string_view key, bool drop_uploads);
  // The account was deleted: everything the device keeps for it goes (items, drafts, photos).
  void erase_account(const std::string& owner, Replies& replies);
  // Grows each time an item reached the server (lists reload then).
  int sent_count() const { return sent_count_; }
  long long last_sent_id() const { return last_sent_id_; }
  // The Idempotency-Key and the answer's "code" of the item that reached the server last (a
  // dossier's code: its page shows the receipt).
  const std::string& last_sent_key() const { return last_sent_key_; }
  const std::string& last_sent_code() const { return last_sent_code_; }

 private:
  void save(const OutboxItem& item);
  void save(const RefusedItem& item);
  void load(Replies& replies);
  void take_erasures(Replies& replies);
  OutboxItem* current();
  void start_next(api::Client& api, Replies& replies, const Session& session);
  void step(OutboxItem& item, api::Client& api, Replies& replies, const Session& session);
  void finished_step(const api::Response& response, api::Client& api, Replies& replies,
                     const Session& session, double now);
  void retry_later(double now);
  void idle();

  std::vector<OutboxItem> items_;
  bool loaded_ = false;
  bool listed_ = false;
  std::string list_request_;
  std::map<std::string, std::string> get_requests_;  // request id → the store key read
  std::vector<std::string> erase_requests_;          // lists of accounts' keys to remove
  std::string current_key_;                          // the item being sent, if any
  std::string blob_request_;                         // a fresh object URL of the file to upload
  std::string upload_request_;                       // an upload in flight (platform reply)
  api::Call post_;                                   // the item itself
  int uploading_ = -1;
  double next_try_ = 0;
  double backoff_ = 0;
  std::vector<RefusedItem> refused_;
  int sent_count_ = 0;
  long long last_sent_id_ = 0;
  std::string last_sent_key_, last_sent_code_;
};

// A fresh key for Idempotency-Key (random, 32 hex characters).
std::string new_idempotency_key();

}  // namespace cdscb::app::state
