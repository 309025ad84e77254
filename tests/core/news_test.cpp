#include "core/news.h"

#include <doctest/doctest.h>

using namespace cdscb;

using core::Block;
using core::text_to_blocks;

TEST_CASE("an official's text: blank lines separate paragraphs, single line breaks are spaces") {
  const auto blocks =
      text_to_blocks("Mưa lớn kéo dài\ntrên địa bàn tỉnh.\n\n  Người dân cần chú ý.  \n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].type == Block::Type::kParagraph);
  REQUIRE(blocks[0].spans.size() == 1);
  CHECK(blocks[0].spans[0].text == "Mưa lớn kéo dài trên địa bàn tỉnh.");
  CHECK(blocks[1].spans[0].text == "Người dân cần chú ý.");
}

TEST_CASE("## and ### start headings, - and * list items") {
  const auto blocks = text_to_blocks(
      "## Khu vực nguy cơ\nĐoạn mở đầu\n- Xã Hòa An\n* Phường Thục Phán\n### Ghi chú\r\nHết.");
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0].type == Block::Type::kHeading);
  CHECK(blocks[0].level == 2);
  CHECK(blocks[0].text == "Khu vực nguy cơ");
  CHECK(blocks[1].type == Block::Type::kParagraph);
  CHECK(blocks[2].type == Block::Type::kList);
  CHECK_FALSE(blocks[2].ordered);
  REQUIRE(blocks[2].items.size() == 2);
  CHECK(blocks[2].items[0][0].text == "Xã Hòa An");
  CHECK(blocks[2].items[1][0].text == "Phường Thục Phán");
  CHECK(blocks[3].level == 3);
  CHECK(blocks[3].text == "Ghi chú");
  CHECK(blocks[4].spans[0].text == "Hết.");
}

TEST_CASE("links: only http and https keep their target") {
  const auto blocks = text_to_blocks(
      "Xem [hướng dẫn](https://caobang.gov.vn/huong-dan) và [bản đồ](http://example.org/a?b=1) "
      "nhưng [đây](javascript:alert(1)) [kia](data:text/html,x) [nọ](/tuong-doi).");
  REQUIRE(blocks.size() == 1);
  const auto& spans = blocks[0].spans;
  REQUIRE(spans.size() == 5);
  CHECK(spans[0].text == "Xem ");
  CHECK(spans[1].text == "hướng dẫn");
  CHECK(spans[1].href == "https://caobang.gov.vn/huong-dan");
  CHECK(spans[2].text == " và ");
  CHECK(spans[3].href == "http://example.org/a?b=1");
  CHECK(spans[4].href.empty());
  CHECK(spans[4].text == " nhưng đây kia nọ.");
}

TEST_CASE("brackets that are not links stay as written") {
  const auto blocks = text_to_blocks("Điều [3] khoản [a](  ) và [mở");
  REQUIRE(blocks.size() == 1);
  REQUIRE(blocks[0].spans.size() == 1);
  CHECK(blocks[0].spans[0].text == "Điều [3] khoản a và [mở");
}

TEST_CASE("empty text and blank headings or items give no blocks") {
  CHECK(text_to_blocks("").empty());
  CHECK(text_to_blocks("\n\n  \n").empty());
  CHECK(text_to_blocks("## \n- \n").empty());
}

TEST_CASE("safe_http_url accepts absolute http(s) URLs only") {
  CHECK(core::safe_http_url("https://caobang.gov.vn/a") == "https://caobang.gov.vn/a");
  CHECK(core::safe_http_url("HTTPS://caobang.gov.vn") == "https://caobang.gov.vn");
  CHECK_FALSE(core::safe_http_url("javascript:alert(1)"));
  CHECK_FALSE(core::safe_http_url(" javascript:alert(1)"));
  CHECK_FALSE(core::safe_http_url("jAvAsCrIpT:alert(1)"));
  CHECK_FALSE(core::safe_http_url("data:text/html;base64,PHNjcmlwdD4="));
  CHECK_FALSE(core::safe_http_url("//evil.example/x"));
  CHECK_FALSE(core::safe_http_url("https:///path"));
  CHECK_FALSE(core::safe_http_url("https://a.b/x\" onmouseover=\"y"));
  CHECK_FALSE(core::safe_http_url("https://a.b/\x01"));
  CHECK_FALSE(core::safe_http_url("https://"));
}

TEST_CASE("plain text of blocks, for search") {
  const auto blocks = text_to_blocks("## Sạt lở\nĐường [Hòa An](https://x.vn) bị chặn\n- Đi vòng");
  CHECK(core::blocks_plain_text(blocks) == "Sạt lở\nĐường Hòa An bị chặn\nĐi vòng");
}

TEST_CASE("categories and alert kinds") {
  CHECK(core::find_news_category("phong-chong-thien-tai")->name == "Phòng chống thiên tai");
  CHECK_FALSE(core::find_news_category("khong-co"));
  CHECK(core::is_alert_kind("flood"));
  CHECK(core::is_alert_kind("landslide"));
  CHECK_FALSE(core::is_alert_kind("earthquake"));
}
