#pragma once
// A key-value store for larger data that must survive reloads and work offline (cached news
// articles, the feedback outbox): IndexedDB in the browser, memory natively. Every call is
// asynchronous: it returns a request id, and the answer arrives as a kReply with JSON
//   get    → {"value":"…"} or {"value":null}
//   put    → {"ok":true} or {"error":"…"}
//   remove → {"ok":true}
//   list   → {"keys":["…",…]} (the keys starting with the prefix, in key order)
#include <string>
#include <string_view>

namespace platform::idb {

std::string get(std::string_view key);
std::string put(std::string_view key, std::string_view value);
std::string remove(std::string_view key);
std::string list(std::string_view prefix);

}  // namespace platform::idb
