#pragma once
// Feedback waiting to be sent ("Đang chờ gửi"). "Gửi Phản ánh" puts the form here with a key made
// on this device; the outbox is kept in IndexedDB, so it survives reloads and closed tabs. It
// uploads the photos (POST /api/v1/media), then posts the feedback with that key as
// Idempotency-Key: however often a flaky network makes it retry, the server keeps one record.
// Network failures retry with backoff and at once when the network returns; a refusal (4xx) hands
// the form back to the citizen with the server's messages, kept in IndexedDB as well (with its
// photos) until the citizen fixes and sends it again or gives it up.
#include <map>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/state/feedback_form.h"
#include "app/state/replies.h"

namespace state {

struct OutboxItem {
  std::string key;  // Idempotency-Key
  FeedbackForm form;
  int attempts = 0;
};

// A feedback the server refused: listed in "Cá nhân" and shown again in the form with its messages.
struct RefusedFeedback {
  std::string key;  // the Idempotency-Key it was refused under (names the saved record)
  FeedbackForm form;
  api::ApiError error;
  // What to say about it in one line: the first message about a field, else the general one.
  std::string summary() const;
};

class Outbox {
 public:
  // Every frame: loads the saved items once, then drives the sending.
  void update(api::Client& api, Replies& replies, double now);
  // The form goes out; the outbox owns its photos from now on.
  void add(FeedbackForm form, std::string key);
  // The browser says the network changed: try at once instead of waiting for the backoff.
  void network_changed() { next_try_ = 0; }

  const std::vector<OutboxItem>& waiting() const { return items_; }
  bool loaded() const { return loaded_; }
  // Refused feedback, oldest first; each stays (over reloads) until forgotten.
  const std::vector<RefusedFeedback>& refused() const { return refused_; }
  const RefusedFeedback* find_refused(const std::string& key) const;
  // The citizen is fixing a refused feedback: keeps what they changed so far.
  void keep_refused_edit(const std::string& key, const FeedbackForm& form);
  // Sent again (its photos now belong to the new outbox item) or given up (`drop_photos`).
  void forget_refused(const std::string& key, bool drop_photos);
  // Grows each time a feedback reached the server (lists reload then).
  int sent_count() const { return sent_count_; }
  long long last_sent_id() const { return last_sent_id_; }

 private:
  void save(const OutboxItem& item);
  void save(const RefusedFeedback& item);
  void load(Replies& replies);
  void start_next(api::Client& api, Replies& replies);
  void finished_step(const api::Response& response, api::Client& api, Replies& replies, double now);
  void retry_later(double now);

  std::vector<OutboxItem> items_;
  bool loaded_ = false;
  bool listed_ = false;
  std::map<std::string, bool> list_requests_;  // request id → whether it lists refused ones
  std::map<std::string, bool> get_requests_;   // the same for each saved value, while loading
  std::string blob_request_;                   // a fresh object URL of the photo to upload
  std::string upload_request_;                 // a photo upload in flight (platform reply)
  api::Call post_;                             // the feedback itself
  int uploading_photo_ = -1;
  double next_try_ = 0;
  double backoff_ = 0;
  std::vector<RefusedFeedback> refused_;
  int sent_count_ = 0;
  long long last_sent_id_ = 0;
};

// A fresh key for Idempotency-Key (random, 32 hex characters).
std::string new_idempotency_key();

}  // namespace state
