#include "core/communes.h"

namespace cdscb::core {
namespace {

// Seed data from ../shared/facts/cao-bang.md (Resolution 1657/NQ-UBTVQH15, in force 1 July 2025).
// It lives here as a plain table only until the directory work moves it into records an official
// can edit; the codes must stay stable then, since profiles store them.
constexpr Commune kCommunes[] = {
    {"phuong-thuc-phan", "Phường Thục Phán", "phường"},
    {"phuong-nung-tri-cao", "Phường Nùng Trí Cao", "phường"},
    {"phuong-tan-giang", "Phường Tân Giang", "phường"},
    {"xa-bao-lam", "Xã Bảo Lâm", "xã"},
    {"xa-ly-bon", "Xã Lý Bôn", "xã"},
    {"xa-nam-quang", "Xã Nam Quang", "xã"},
    {"xa-quang-lam", "Xã Quảng Lâm", "xã"},
    {"xa-yen-tho", "Xã Yên Thổ", "xã"},
    {"xa-bao-lac", "Xã Bảo Lạc", "xã"},
    {"xa-coc-pang", "Xã Cốc Pàng", "xã"},
    {"xa-co-ba", "Xã Cô Ba", "xã"},
    {"xa-khanh-xuan", "Xã Khánh Xuân", "xã"},
    {"xa-xuan-truong", "Xã Xuân Trường", "xã"},
    {"xa-hung-dao", "Xã Hưng Đạo", "xã"},
    {"xa-huy-giap", "Xã Huy Giáp", "xã"},
    {"xa-son-lo", "Xã Sơn Lộ", "xã"},
    {"xa-thong-nong", "Xã Thông Nông", "xã"},
    {"xa-can-yen", "Xã Cần Yên", "xã"},
    {"xa-thanh-long", "Xã Thanh Long", "xã"},
    {"xa-truong-ha", "Xã Trường Hà", "xã"},
    {"xa-lung-nam", "Xã Lũng Nặm", "xã"},
    {"xa-tong-cot", "Xã Tổng Cọt", "xã"},
    {"xa-ha-quang", "Xã Hà Quảng", "xã"},
    {"xa-tra-linh", "Xã Trà Lĩnh", "xã"},
    {"xa-quang-han", "Xã Quang Hán", "xã"},
    {"xa-quang-trung", "Xã Quang Trung", "xã"},
    {"xa-trung-khanh", "Xã Trùng Khánh", "xã"},
    {"xa-dinh-phong", "Xã Đình Phong", "xã"},
    {"xa-dam-thuy", "Xã Đàm Thủy", "xã"},
    {"xa-doai-duong", "Xã Đoài Dương", "xã"},
    {"xa-ly-quoc", "Xã Lý Quốc", "xã"},
    {"xa-quang-long", "Xã Quang Long", "xã"},
    {"xa-ha-lang", "Xã Hạ Lang", "xã"},
    {"xa-vinh-quy", "Xã Vinh Quý", "xã"},
    {"xa-quang-uyen", "Xã Quảng Uyên", "xã"},
    {"xa-doc-lap", "Xã Độc Lập", "xã"},
    {"xa-hanh-phuc", "Xã Hạnh Phúc", "xã"},
    {"xa-be-van-dan", "Xã Bế Văn Đàn", "xã"},
    {"xa-phuc-hoa", "Xã Phục Hòa", "xã"},
    {"xa-hoa-an", "Xã Hòa An", "xã"},
    {"xa-nam-tuan", "Xã Nam Tuấn", "xã"},
    {"xa-nguyen-hue", "Xã Nguyễn Huệ", "xã"},
    {"xa-bach-dang", "Xã Bạch Đằng", "xã"},
    {"xa-nguyen-binh", "Xã Nguyên Bình", "xã"},
    {"xa-tinh-tuc", "Xã Tĩnh Túc", "xã"},
    {"xa-ca-thanh", "Xã Ca Thành", "xã"},
    {"xa-minh-tam", "Xã Minh Tâm", "xã"},
    {"xa-phan-thanh", "Xã Phan Thanh", "xã"},
    {"xa-tam-kim", "Xã Tam Kim", "xã"},
    {"xa-thanh-cong", "Xã Thành Công", "xã"},
    {"xa-dong-khe", "Xã Đông Khê", "xã"},
    {"xa-canh-tan", "Xã Canh Tân", "xã"},
    {"xa-kim-dong", "Xã Kim Đồng", "xã"},
    {"xa-minh-khai", "Xã Minh Khai", "xã"},
    {"xa-thach-an", "Xã Thạch An", "xã"},
    {"xa-duc-long", "Xã Đức Long", "xã"},
};

}  // namespace

std::span<const Commune> communes() { return kCommunes; }

const Commune* find_commune(std::string_view code) {
  for (const Commune& commune : kCommunes) {
    if (commune.code == code) return &commune;
  }
  return nullptr;
}

}  // namespace cdscb::core
