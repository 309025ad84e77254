// Feed HTML becomes safe blocks: what an attacker puts in a feed never reaches the app as markup.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/news_json.h"
#include "modules/news/html_sanitizer.h"

using namespace cdscb;
using namespace cdscb::server::news;
using nlohmann::json;

namespace {

json blocks(std::string_view html,
            std::string_view base = "https://caobang.gov.vn/tin/bai-1.html") {
  return core::news_blocks_json<nlohmann::json>(sanitize_html(html, base));
}

// Every text and URL of the blocks, for "nothing of this survives" checks.
std::string everything(const json& value) { return value.dump(); }

}  // namespace

TEST_CASE("headings, paragraphs, bold, italic, links, lists and images are kept") {
  const json out = blocks(
      "<h1>Tiêu đề</h1><p>Đoạn <b>đậm</b> và <em>nghiêng</em>, "
      "<a href=\"https://caobang.gov.vn/a\">liên kết</a>.</p>"
      "<h4>Mục nhỏ</h4><ul><li>Một</li><li>Hai <strong>đậm</strong></li></ul>"
      "<p><img src=\"/anh/lu.jpg\" alt=\"Lũ &amp; mưa\" width=\"640\" height=\"480\"></p>"
      "<ol><li>Bước 1</li></ol>");
  REQUIRE(out.size() == 6);
  CHECK(out[0] == json{{"type", "heading"}, {"level", 2}, {"text", "Tiêu đề"}});
  CHECK(out[1]["spans"] == json::parse(R"([{"text":"Đoạn "},{"text":"đậm","bold":true},
      {"text":" và "},{"text":"nghiêng","italic":true},{"text":", "},
      {"text":"liên kết","href":"https://caobang.gov.vn/a"},{"text":"."}])"));
  CHECK(out[2] == json{{"type", "heading"}, {"level", 3}, {"text", "Mục nhỏ"}});
  CHECK(out[3]["items"] ==
        json::parse(R"([[{"text":"Một"}],[{"text":"Hai "},{"text":"đậm","bold":true}]])"));
  CHECK(out[3]["ordered"] == false);
  CHECK(out[4] == json{{"type", "image"},
                       {"url", "https://caobang.gov.vn/anh/lu.jpg"},
                       {"thumb_url", "https://caobang.gov.vn/anh/lu.jpg"},
                       {"alt", "Lũ & mưa"},
                       {"width", 640},
                       {"height", 480}});
  CHECK(out[5]["ordered"] == true);
}

TEST_CASE("scripts, styles, iframes and their content are dropped") {
  const json out = blocks(
      "<p>Trước</p><script>alert('xss')</script><SCRIPT type=text/javascript>steal()</SCRIPT >"
      "<style>body{display:none}</style><iframe src=\"https://evil.example\">khung</iframe>"
      "<noscript><img src=x></noscript><svg><script>svg()</script></svg>"
      "<object data=\"x.swf\">flash</object><form action=\"https://evil.example\"><input "
      "name=q></form><p>Sau</p>");
  const std::string text = everything(out);
  for (const char* gone : {"alert", "steal", "display", "evil", "khung", "svg()", "flash", "swf"}) {
    CHECK_MESSAGE(text.find(gone) == std::string::npos, gone);
  }
  REQUIRE(out.size() == 2);
  CHECK(out[0]["spans"][0]["text"] == "Trước");
  CHECK(out[1]["spans"][0]["text"] == "Sau");
}

TEST_CASE("javascript:, data: and other non-http links lose their target, keep their words") {
  const json out = blocks(
      "<p><a href=\"javascript:alert(1)\">a</a> <a href=\" JaVaScRiPt:alert(1)\">b</a> "
      "<a href=\"java&#x09;script:alert(1)\">c</a> <a href=\"&#106;avascript:alert(1)\">d</a> "
      "<a href=\"data:text/html,<script>x</script>\">e</a> <a href=\"vbscript:x\">f</a> "
      "<a href='mailto:a@b.vn'>g</a> <a href=//cdn.example/x>h</a></p>");
  const std::string text = everything(out);
  CHECK(text.find("script:") == std::string::npos);
  CHECK(text.find("data:") == std::string::npos);
  CHECK(text.find("mailto") == std::string::npos);
  const json spans = out[0]["spans"];
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == json{{"text", "a b c d e f g "}});
  CHECK(spans[1] == json{{"text", "h"}, {"href", "https://cdn.example/x"}});
}

TEST_CASE("event handlers and other attributes never come through") {
  const json out = blocks(
      "<p onclick=\"alert(1)\" style=\"color:red\">Chữ</p>"
      "<img src=\"x\" onerror=\"alert(1)\"><img src=javascript:alert(1)>"
      "<img src=\"https://anh.example/a.png\" onerror=alert(1) onload='x()'>"
      "<a href=\"https://a.example\" onmouseover=\"alert(1)\">di chuột</a>");
  const std::string text = everything(out);
  CHECK(text.find("alert") == std::string::npos);
  CHECK(text.find("onerror") == std::string::npos);
  CHECK(text.find("color") == std::string::npos);
  REQUIRE(out.size() == 4);
  CHECK(out[1]["url"] == "https://caobang.gov.vn/tin/x");  // relative "x" against the item page
  CHECK(out[2]["url"] == "https://anh.example/a.png");
  CHECK(out[3]["spans"][0] == json{{"text", "di chuột"}, {"href", "https://a.example"}});
}

TEST_CASE("nested and broken markup still gives plain, well-formed blocks") {
  const json out = blocks(
      "<div><p>Một <b>đậm <i>cả hai</b> nghiêng</i> thường</p><ul><li>A<ul><li>A1</li></ul>"
      "<li>B <h2>không phải tiêu đề</h2></ul><p>chưa đóng <b>đậm<p>mới</div><li>lẻ"
      "<a href=\"https://x.vn\"><a href=\"https://y.vn\">trong</a>ngoài</a>< không phải thẻ "
      "<!-- <script>bí mật</script> --> 1 &lt; 2 &amp;&amp; &#7841;&#x1EA1; &bogus; &#0; "
      "<![CDATA[<script>x</script>]]>cuối");
  const std::string text = everything(out);
  CHECK(text.find("bí mật") == std::string::npos);
  CHECK(out[0]["spans"] == json::parse(R"([{"text":"Một "},{"text":"đậm ","bold":true},
      {"text":"cả hai","bold":true,"italic":true},{"text":" nghiêng","italic":true},
      {"text":" thường"}])"));
  CHECK(out[1]["items"].size() == 3);  // A, A1 and B: nested lists are flattened
  CHECK(out[1]["items"][2][0]["text"] == "B không phải tiêu đề");
  // Unclosed <b> makes the rest bold; that is harmless.
  CHECK(out[2]["spans"][1]["text"] == "đậm");
  const json last = out.back();
  CHECK(last["type"] == "list");
  const std::string item = last["items"][0].dump();
  CHECK(item.find("< không phải thẻ") != std::string::npos);
  CHECK(item.find("1 < 2 && ạạ &bogus; \xEF\xBF\xBD") != std::string::npos);
  CHECK(item.find("x</script>") == std::string::npos);
}

TEST_CASE("entities decode to text, never to markup") {
  const json out = blocks("<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;Hòa&nbsp;An&quot;</p>");
  CHECK(out[0]["spans"][0]["text"] == "<script>alert(1)</script> \"Hòa An\"");
  CHECK(decode_entities("&agrave;&#273;&#x110;&amp;amp;") == "àđĐ&amp;");
}

TEST_CASE("invalid UTF-8 bytes are dropped and relative URLs need a base") {
  const json out = blocks("<p>Cao B\xE1\xBA\xB1ng\xFF\xC3</p><img src=\"/a.jpg\">", "");
  REQUIRE(out.size() == 1);
  CHECK(out[0]["spans"][0]["text"] == "Cao Bằng");
  CHECK(resolve_url("https://a.vn/x/y.html?q=1", "z.jpg") == "https://a.vn/x/z.jpg");
  CHECK(resolve_url("https://a.vn", "z.jpg") == "https://a.vn/z.jpg");
  CHECK(resolve_url("http://a.vn/x/", "/z.jpg") == "http://a.vn/z.jpg");
  CHECK_FALSE(resolve_url("javascript:x", "z.jpg"));
  CHECK(html_to_text("<p>Một</p><p>Hai &amp; <b>ba</b></p>") == "Một Hai & ba");
}
