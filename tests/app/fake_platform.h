#pragma once
// Stand-ins for the platform features the app's state uses (the IndexedDB store with its photo
// blobs, photo uploads, image prefetching, wake-ups): the store lives in memory and answers when
// the test says so.
#include <map>
#include <string>
#include <vector>

#include "app/state/replies.h"

namespace cdscb::app::fake {

std::map<std::string, std::string>& idb();
// Answers every store request made so far, in order, into `replies`.
void answer_idb(state::Replies& replies);
std::vector<std::string>& prefetched();

// Photo blobs are kept in idb() as "blob:<object URL>"; blob_url answers "blob:copy-of-<key>".
// An upload (platform::upload::post_blob) waits in uploads() until the test answers it.
struct Upload {
  std::string id, blob_url, path;
};
std::vector<Upload>& uploads();
// localStorage (platform::storage), shared by the "tabs" of a test.
std::map<std::string, std::string>& storage();
// The delays the app asked to be woken after (platform::request_wake_after), in order.
std::vector<double>& wakes_after();

}  // namespace cdscb::app::fake
