#include "core/accounts.h"

#include <doctest/doctest.h>

#include <string>

using namespace cdscb;

using core::mask_phone;
using core::normalize_phone;
using core::validate_full_name;
using core::validate_password;
using core::validate_phone;

TEST_CASE("phone numbers are normalised from the ways people write them") {
  CHECK(normalize_phone("0912345678") == "0912345678");
  CHECK(normalize_phone("0912 345 678") == "0912345678");
  CHECK(normalize_phone(" 0912.345.678 ") == "0912345678");
  CHECK(normalize_phone("0912-345-678") == "0912345678");
  CHECK(normalize_phone("+84912345678") == "0912345678");
  CHECK(normalize_phone("+84 912 345 678") == "0912345678");
  CHECK(normalize_phone("84912345678") == "0912345678");
  CHECK(normalize_phone("+84 0912345678") == "0912345678");
}

TEST_CASE("only Vietnamese mobile numbers are accepted") {
  for (const char* prefix : {"03", "05", "07", "08", "09"}) {
    CHECK(normalize_phone(std::string(prefix) + "12345678").has_value());
  }
  CHECK_FALSE(normalize_phone("0212345678"));            // 02x: landline area codes
  CHECK_FALSE(normalize_phone("0412345678"));            // 04 is not a mobile prefix
  CHECK_FALSE(normalize_phone("0612345678"));            // nor 06
  CHECK_FALSE(normalize_phone("1912345678"));            // no leading 0
  CHECK_FALSE(normalize_phone("091234567"));             // 9 digits
  CHECK_FALSE(normalize_phone("09123456789"));           // 11 digits
  CHECK_FALSE(normalize_phone("+1 9123456789"));         // another country
  CHECK_FALSE(normalize_phone("+8402063851234"));        // a landline behind +84
  CHECK_FALSE(normalize_phone("09123a5678"));            // letters
  CHECK_FALSE(normalize_phone("0912+345678"));           // '+' only in front
  CHECK_FALSE(normalize_phone("０９１２３４５６７８"));  // full-width digits
  CHECK_FALSE(normalize_phone(""));
  CHECK_FALSE(normalize_phone(std::string(100, '0')));
}

TEST_CASE("validate_phone tells a missing number from a wrong one") {
  CHECK(validate_phone("0912345678") == std::nullopt);
  CHECK(validate_phone("  ") == std::string(core::kPhoneRequired));
  CHECK(validate_phone("") == std::string(core::kPhoneRequired));
  // Messages are keys of public/i18n/vi.json (the app and the server turn them into text).
  CHECK(validate_phone("12345") == std::string("validation.account.phone_invalid"));
}

TEST_CASE("full names accept Vietnamese letters, spaces, apostrophes and hyphens") {
  CHECK(validate_full_name("Nguyễn Văn An") == std::nullopt);
  CHECK(validate_full_name("NÔNG THỊ HỒNG") == std::nullopt);
  CHECK(validate_full_name("Đàm Thị Ngọc Ánh") == std::nullopt);
  CHECK(validate_full_name("Bế Văn Đàn") == std::nullopt);
  CHECK(validate_full_name("Hoàng Ỷ Lan") == std::nullopt);
  CHECK(validate_full_name("Ma Thị Ửng") == std::nullopt);
  CHECK(validate_full_name("H'Hen Niê") == std::nullopt);
  CHECK(validate_full_name("H’Hen Niê") == std::nullopt);  // typographic apostrophe
  CHECK(validate_full_name("Lò Văn-Piên") == std::nullopt);
  CHECK(validate_full_name("Lý") == std::nullopt);
  CHECK(validate_full_name("  Nguyễn   Văn  An  ") == std::nullopt);
}

TEST_CASE("every precomposed Vietnamese vowel with a tone is a letter") {
  const std::string vowels =
      "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
  CHECK(validate_full_name("X" + vowels) == std::nullopt);
  std::string upper = "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
  CHECK(validate_full_name(upper) == std::nullopt);
}

TEST_CASE("full name rules each have their own message") {
  CHECK(validate_full_name("") == std::string("validation.account.name_required"));
  CHECK(validate_full_name("   ") == std::string(core::kNameRequired));
  CHECK(validate_full_name("A") == std::string(core::kNameTooShort));
  std::string long_name;
  for (int i = 0; i < 20; ++i) long_name += "Nguyễn ";
  long_name += "Anh";  // 143 code points
  CHECK(validate_full_name(long_name) == std::string(core::kNameTooLong));
  CHECK(validate_full_name(std::string(100, 'a')) == std::nullopt);
  CHECK(validate_full_name(std::string(101, 'a')) == std::string(core::kNameTooLong));
  CHECK(validate_full_name("Nguyễn Văn 2") == std::string(core::kNameInvalidCharacters));
  CHECK(validate_full_name("Trần <b>An</b>") == std::string(core::kNameInvalidCharacters));
  CHECK(validate_full_name("Lê 😀") == std::string(core::kNameInvalidCharacters));
  CHECK(validate_full_name("Trần\tAn") == std::nullopt);  // a tab is whitespace, collapsed
  CHECK(validate_full_name(std::string("Tr\0n", 4)) == std::string(core::kNameInvalidCharacters));
  CHECK(validate_full_name("-An-") == std::string(core::kNameMustStartAndEndWithLetter));
  CHECK(validate_full_name("'Ly") == std::string(core::kNameMustStartAndEndWithLetter));
}

TEST_CASE("decomposed (NFD) names are refused with a request to type again") {
  // "Hòa" as o + U+0300 combining grave.
  CHECK(validate_full_name("Ho\xCC\x80"
                           "a An") == std::string(core::kNameCombiningMarks));
}

TEST_CASE("invalid UTF-8 in a name is refused") {
  CHECK(validate_full_name("Nguy\xE1\xBB") == std::string(core::kInvalidText));
  CHECK(validate_full_name("An\xFF") == std::string(core::kInvalidText));
}

TEST_CASE("normalize_full_name trims and collapses spaces") {
  CHECK(core::normalize_full_name("  Nguyễn   Văn \t An ") == "Nguyễn Văn An");
  CHECK(core::normalize_full_name("") == "");
}

TEST_CASE("password length is counted in characters") {
  CHECK(validate_password("", "") == std::string(core::kPasswordRequired));
  CHECK(validate_password("Ab3$xyz", "") == std::string(core::kPasswordTooShort));
  CHECK(validate_password("Ab3$xyzw", "") == std::nullopt);
  CHECK(validate_password("mậtkhẩu", "") == std::string(core::kPasswordTooShort));  // 7 letters
  CHECK(validate_password("mậtkhẩuơi", "") == std::nullopt);
  CHECK(validate_password(std::string(128, 'k'), "") == std::nullopt);
  CHECK(validate_password(std::string(129, 'k'), "") == std::string(core::kPasswordTooLong));
}

TEST_CASE("common passwords are refused whatever their case") {
  for (const char* common :
       {"12345678", "password", "matkhau123", "123456789", "11111111", "abc12345", "iloveyou",
        "qwerty123", "PASSWORD", "MatKhau123", "IloveYou"}) {
    CHECK_MESSAGE(validate_password(common, "") == std::string(core::kPasswordCommon), common);
  }
  CHECK(validate_password("Cao Bằng mùa thu", "") == std::nullopt);
  CHECK_FALSE(core::is_common_password("password-for-my-bank"));
}

TEST_CASE("a password containing the phone number is refused") {
  CHECK(validate_password("a0912345678b", "0912345678") ==
        std::string(core::kPasswordContainsPhone));
  CHECK(validate_password("+84912345678", "0912 345 678") ==
        std::string(core::kPasswordContainsPhone));
  CHECK(validate_password("0912345678", "0912345678") == std::string(core::kPasswordContainsPhone));
  CHECK(validate_password("0912345678", "0987654321") == std::nullopt);
  CHECK(validate_password("0912345678", "not a number") == std::nullopt);
}

TEST_CASE("control characters and invalid UTF-8 in a password are refused") {
  CHECK(validate_password("abc\ndefgh", "") == std::string(core::kPasswordInvalidCharacters));
  CHECK(validate_password("abcdefgh\xC3", "") == std::string(core::kPasswordInvalidCharacters));
}

TEST_CASE("phone numbers are masked in the middle") {
  CHECK(mask_phone("0912345678") == "091****678");
  CHECK(mask_phone("0312345") == "031*345");
  CHECK(mask_phone("12") == "**");
}
