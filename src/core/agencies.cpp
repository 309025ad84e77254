#include "core/agencies.h"

#include <algorithm>

#include "core/communes.h"

namespace core {
namespace {

constexpr std::string_view kProvincial[] = {
    "so-noi-vu",
    "so-tu-phap",
    "so-tai-chinh",
    "so-cong-thuong",
    "so-nong-nghiep-moi-truong",
    "so-xay-dung",
    "so-khoa-hoc-cong-nghe",
    "so-van-hoa-the-thao-du-lich",
    "so-giao-duc-dao-tao",
    "so-y-te",
    "thanh-tra-tinh",
    "van-phong-ubnd-tinh",
    "so-dan-toc-ton-giao",
    "cong-an-tinh",
};

constexpr std::string_view kCommunePrefix = "ubnd-";

}  // namespace

std::span<const std::string_view> provincial_agency_codes() { return kProvincial; }

bool is_agency_code(std::string_view code) {
  if (std::find(std::begin(kProvincial), std::end(kProvincial), code) != std::end(kProvincial)) {
    return true;
  }
  return code.starts_with(kCommunePrefix) &&
         find_commune(code.substr(kCommunePrefix.size())) != nullptr;
}

}  // namespace core
