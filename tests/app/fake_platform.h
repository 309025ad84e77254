#pragma once
// Stand-ins for the platform features the app's state uses (the IndexedDB store, image
// prefetching): the store lives in memory and answers when the test says so.
#include <map>
#include <string>
#include <vector>

#include "app/state/replies.h"

namespace fake {

std::map<std::string, std::string>& idb();
// Answers every store request made so far, in order, into `replies`.
void answer_idb(state::Replies& replies);
std::vector<std::string>& prefetched();

}  // namespace fake
