#pragma once
// Picks a text file (a CSV an office keeps in a spreadsheet) and reads it as UTF-8. The answer
// arrives as a kReply with JSON {"name","size","text"} or {"error":"cancelled"|"unavailable"|
// "too_large"|"unreadable"}.
#include <string>
#include <string_view>

namespace cdscb::app::platform::text_file {

// `accept` as an <input type=file> takes it, e.g. ".csv,text/csv".
std::string pick(std::string_view accept, int max_bytes);

}  // namespace cdscb::app::platform::text_file
