#include "core/feedback_draft.h"

#include <doctest/doctest.h>

using core::FeedbackDraft;
using core::validate;

namespace {

FeedbackDraft good() {
  FeedbackDraft d;
  d.title = "Đường bị sạt lở";
  d.content = "Đoạn đường qua xóm Nà Cáp bị sạt lở sau mưa.";
  d.field = "giao-thong";
  d.location = core::FeedbackLocation{22.666123, 106.258456, 12.0};
  return d;
}

}  // namespace

TEST_CASE("a complete draft inside the province can be sent") {
  CHECK(validate(good()).empty());
  FeedbackDraft d = good();
  d.commune = "phuong-thuc-phan";
  d.address = "Số 5, đường Kim Đồng";
  d.photo_count = 5;
  CHECK(validate(d).empty());
}

TEST_CASE("each missing field gets its own Vietnamese message") {
  auto errors = validate(FeedbackDraft{});
  CHECK(errors.at("title") == "Vui lòng nhập tiêu đề.");
  CHECK(errors.at("content") == "Vui lòng nhập nội dung phản ánh.");
  CHECK(errors.at("field") == "Vui lòng chọn lĩnh vực.");
  CHECK(errors.count("location") == 1);
  CHECK(errors.count("address") == 0);
  FeedbackDraft blank = good();
  blank.title = "  \n ";
  CHECK(validate(blank).count("title") == 1);
}

TEST_CASE("limits count characters, not bytes") {
  FeedbackDraft d = good();
  d.title = std::string();
  for (int i = 0; i < 200; ++i) d.title += "ạ";  // 3 bytes each, 200 characters
  CHECK(validate(d).count("title") == 0);
  d.title += "a";
  CHECK(validate(d).at("title") == "Tiêu đề không được dài quá 200 ký tự.");
  d = good();
  d.content = std::string(5001, 'x');
  CHECK(validate(d).count("content") == 1);
  d = good();
  d.title = "\xC3\x28";
  CHECK(validate(d).count("title") == 1);
}

TEST_CASE("a point outside Cao Bằng is refused with a clear message") {
  FeedbackDraft d = good();
  d.location = core::FeedbackLocation{21.0285, 105.8542, std::nullopt};  // Hà Nội
  CHECK(validate(d).at("location") == "Vị trí nằm ngoài tỉnh Cao Bằng.");
  CHECK(core::inside_province(22.35, 105.25));
  CHECK(core::inside_province(23.15, 106.85));
  CHECK_FALSE(core::inside_province(23.1501, 106.0));
}

TEST_CASE("unknown communes and too many photos are refused") {
  FeedbackDraft d = good();
  d.commune = "xa-khong-co";
  d.photo_count = 6;
  auto errors = validate(d);
  CHECK(errors.count("commune") == 1);
  CHECK(errors.at("photos") == "Chỉ được gửi tối đa 5 ảnh.");
}

TEST_CASE("coordinates are shown exactly, to six decimals") {
  CHECK(core::format_coordinate(22.666123) == "22.666123");
  CHECK(core::format_coordinate(106.2584567) == "106.258457");
  CHECK(core::format_coordinate(22.5) == "22.500000");
}
