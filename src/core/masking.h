#pragma once
// What a bill lookup shows of a customer: enough for a citizen to recognise their own bill,
// too little to learn a stranger's name and address from a guessed code.
#include <string>
#include <string_view>

namespace cdscb::core {

// "NÔNG VĂN HÙNG" → "NÔNG V** H**": the family name whole, then each other word's first letter.
std::string mask_person_name(std::string_view name);

// "Số 12, tổ 5, phường Hợp Giang, tỉnh Cao Bằng" → "***, phường Hợp Giang, tỉnh Cao Bằng": the
// last two comma-separated parts (commune and province) kept, the rest hidden.
std::string mask_address(std::string_view address);

}  // namespace cdscb::core
