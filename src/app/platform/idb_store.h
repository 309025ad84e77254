#pragma once
// A key-value store in the browser's IndexedDB that survives reloads and holds more than
// localStorage: drafts, the outbox, and photo blobs. Every call answers later as a kReply with
// the returned request id:
//   get       → {"value":"…"} or {"value":null}
//   put/remove/put_blob → {"ok":true} or {"error":"…"}
//   list      → {"items":[{"key","value"}]} (string values whose key starts with the prefix)
//   blob_url  → {"url":"blob:…"} or {"error":"missing"}
#include <string>
#include <string_view>

namespace platform::idb {

std::string get(std::string_view key);
std::string put(std::string_view key, std::string_view value);
std::string remove(std::string_view key);
std::string list(std::string_view prefix);
// Copies the image behind an object URL (from platform::photo) into the store under `key`.
std::string put_blob(std::string_view key, std::string_view object_url);
// A fresh object URL for a stored blob (object URLs do not survive a reload; blobs do).
std::string blob_url(std::string_view key);

}  // namespace platform::idb
