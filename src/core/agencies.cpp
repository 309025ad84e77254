#include "core/agencies.h"

#include "core/communes.h"

namespace cdscb::core {
namespace {

// From ../shared/facts/cao-bang.md; the codes are the contract shared with feedback and the
// directory, so they must stay stable.
constexpr std::pair<std::string_view, std::string_view> kProvincialBodies[] = {
    {"so-noi-vu", "Sở Nội vụ"},
    {"so-tu-phap", "Sở Tư pháp"},
    {"so-tai-chinh", "Sở Tài chính"},
    {"so-cong-thuong", "Sở Công Thương"},
    {"so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường"},
    {"so-xay-dung", "Sở Xây dựng"},
    {"so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ"},
    {"so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch"},
    {"so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo"},
    {"so-y-te", "Sở Y tế"},
    {"thanh-tra-tinh", "Thanh tra tỉnh"},
    {"van-phong-ubnd-tinh", "Văn phòng UBND tỉnh"},
    {"so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo"},
    {"cong-an-tinh", "Công an tỉnh"},
};

std::vector<Agency> make_agencies() {
  std::vector<Agency> all;
  for (const auto& [code, name] : kProvincialBodies)
    all.push_back({std::string(code), std::string(name)});
  for (const Commune& commune : communes()) {
    // "Phường Thục Phán" → "UBND phường Thục Phán": the kind is written in lower case mid-name.
    std::string_view rest = commune.name;
    if (const auto space = rest.find(' '); space != std::string_view::npos)
      rest.remove_prefix(space);
    all.push_back({"ubnd-" + std::string(commune.code),
                   "UBND " + std::string(commune.kind) + std::string(rest)});
  }
  return all;
}

}  // namespace

const std::vector<Agency>& agencies() {
  static const std::vector<Agency> all = make_agencies();  // immutable table, built once
  return all;
}

const Agency* find_agency(std::string_view code) {
  for (const Agency& agency : agencies())
    if (agency.code == code) return &agency;
  return nullptr;
}

bool is_agency_code(std::string_view code) { return find_agency(code) != nullptr; }

}  // namespace cdscb::core
