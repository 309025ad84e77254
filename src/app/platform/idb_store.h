#pragma once
// A key-value store for larger data that must survive reloads and work offline (cached news
// articles, the feedback outbox): IndexedDB in the browser, memory natively. Every call is
// asynchronous: it returns a request id, and the answer arrives as a kReply with JSON
//   get    → {"value":"…"} or {"value":null}
//   put    → {"ok":true} or {"error":"…"}
//   remove → {"ok":true}
//   list   → {"keys":["…",…]} (the keys starting with the prefix, in key order)
//   put_blob → {"ok":true}; blob_url → {"url":"blob:…"} or {"error":"missing"}
#include <string>
#include <string_view>

namespace cdscb::app::platform::idb {

std::string get(std::string_view key);
std::string put(std::string_view key, std::string_view value);
std::string remove(std::string_view key);
std::string list(std::string_view prefix);
// Photos that must survive a reload (a feedback draft, the outbox): copies the image behind an
// object URL from platform::photo into the store, and later makes a fresh object URL of it (object
// URLs die with the page; stored blobs do not). An upload of the key waits for its copy.
std::string put_blob(std::string_view key, std::string_view object_url);
std::string blob_url(std::string_view key);

}  // namespace cdscb::app::platform::idb
