#include "core/text.h"

#include <doctest/doctest.h>

using namespace cdscb;

using core::fold_for_search;

TEST_CASE("folding removes Vietnamese diacritics and case") {
  CHECK(fold_for_search("sạt lở") == "sat lo");
  CHECK(fold_for_search("HÒA AN") == "hoa an");
  CHECK(fold_for_search("Đường Bế Văn Đàn") == "duong be van dan");
  CHECK(fold_for_search("Nùng Trí Cao") == "nung tri cao");
  CHECK(fold_for_search("ỨNG DỤNG") == "ung dung");
}

TEST_CASE("folding handles decomposed (NFD) input the same as NFC") {
  // "Hòa" written as o + combining grave accent.
  CHECK(fold_for_search("Ho\xCC\x80"
                        "a") == "hoa");
  CHECK(fold_for_search("s\xCC\xA3"
                        "a\xCC\x80") == "sa");  // combining dot below and grave
}

TEST_CASE("other characters pass through") {
  CHECK(fold_for_search("112 ₫") == "112 ₫");
  CHECK(fold_for_search("中文") == "中文");
}

TEST_CASE("UTF-8 validation rejects malformed input") {
  CHECK(core::is_valid_utf8("Cao Bằng ₫"));
  CHECK_FALSE(core::is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(core::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(core::is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(core::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK(fold_for_search("a\xFF"
                        "b") == "ab");
}

TEST_CASE("code points are counted, not bytes") {
  CHECK(core::count_code_points("Bằng") == 4);
  CHECK(core::count_code_points("") == 0);
}
