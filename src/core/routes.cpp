#include "core/routes.h"

#include <array>
#include <utility>

namespace cdscb::core {
namespace {

constexpr std::array<std::pair<Screen, std::string_view>, 29> kSlugs{{
    {Screen::kHome, ""},
    {Screen::kNews, "tin-tuc"},
    {Screen::kDirectory, "chinh-quyen"},
    {Screen::kFeedback, "phan-anh"},
    {Screen::kPublicServices, "dich-vu-cong"},
    {Screen::kPayments, "thanh-toan"},
    {Screen::kCameras, "camera"},
    {Screen::kLogin, "dang-nhap"},
    {Screen::kRegister, "dang-ky"},
    {Screen::kVerifyPhone, "xac-nhan"},
    {Screen::kAccount, "tai-khoan"},
    {Screen::kLinkVneid, "lien-ket-vneid"},
    {Screen::kResetPassword, "quen-mat-khau"},
    {Screen::kSettings, "cai-dat"},
    {Screen::kSessions, "phien-dang-nhap"},
    {Screen::kOfficials, "quan-ly-can-bo"},
    {Screen::kOfficialNew, "tao-can-bo"},
    {Screen::kNewsEditor, "dang-tin"},
    {Screen::kNewsManage, "quan-ly-tin"},
    {Screen::kAlertEditor, "canh-bao-khan"},
    {Screen::kNotifications, "thong-bao"},
    {Screen::kFeedbackFields, "quan-ly-linh-vuc"},
    {Screen::kFeedbackFieldEdit, "sua-linh-vuc"},
    {Screen::kHolidays, "ngay-nghi-le"},
    {Screen::kOpen311Keys, "khoa-open311"},
    {Screen::kFailedJobs, "cong-viec-loi"},
    {Screen::kPaymentOrders, "giao-dich-thanh-toan"},
    {Screen::kReconciliation, "doi-soat"},
    {Screen::kCameraAdmin, "quan-ly-camera"},
}};

// Screens that share a list's slug and show one of its items: #/tin-tuc/<id> is an article,
// #/giao-dich-thanh-toan/<code> one payment order.
constexpr std::array<std::pair<Screen, Screen>, 2> kItemScreens{{
    {Screen::kNews, Screen::kNewsArticle},
    {Screen::kPaymentOrders, Screen::kPaymentOrderAdmin},
}};

Screen item_screen(Screen list) {
  for (const auto& [l, item] : kItemScreens)
    if (l == list) return item;
  return list;
}

// Letters, digits, '-' and '_'; dots too where codes hold them (dossier codes), never a segment of
// dots alone.
bool is_safe_segment(std::string_view param, bool dots = false) {
  if (param.empty() || param.size() > 64) return false;
  bool only_dots = true;
  for (char c : param) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || (dots && c == '.');
    if (!ok) return false;
    only_dots = only_dots && c == '.';
  }
  return !only_dots;
}

// Screens whose pages nest one level (#/thanh-toan/don/<code>): their parameter may hold one '/'.
bool nests(Screen screen) {
  return screen == Screen::kPayments || screen == Screen::kPublicServices;
}

bool is_safe_param(Screen screen, std::string_view param) {
  const auto slash = param.find('/');
  if (slash == std::string_view::npos || !nests(screen)) return is_safe_segment(param);
  return param.size() <= 96 && is_safe_segment(param.substr(0, slash)) &&
         is_safe_segment(param.substr(slash + 1), screen == Screen::kPublicServices);
}

}  // namespace

std::string_view screen_slug(Screen screen) {
  for (const auto& [list, item] : kItemScreens)
    if (item == screen) screen = list;
  for (const auto& [s, slug] : kSlugs)
    if (s == screen) return slug;
  return "";
}

Route parse_route(std::string_view hash) {
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  while (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
  if (auto q = hash.find('?'); q != std::string_view::npos) hash = hash.substr(0, q);
  while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);

  std::string_view slug = hash, param;
  if (auto slash = hash.find('/'); slash != std::string_view::npos) {
    slug = hash.substr(0, slash);
    param = hash.substr(slash + 1);
  }
  for (const auto& [screen, s] : kSlugs) {
    if (s != slug || screen == Screen::kHome) continue;
    if (param.empty()) return {screen, ""};
    if (is_safe_param(screen, param)) return {item_screen(screen), std::string(param)};
    return {screen, ""};
  }
  return {};
}

namespace {

constexpr std::array<std::pair<FeedbackPage, std::string_view>, 4> kFeedbackSlugs{{
    {FeedbackPage::kCreate, "tao"},
    {FeedbackPage::kPublic, "cong-khai"},
    {FeedbackPage::kMine, "ca-nhan"},
    {FeedbackPage::kQueue, "xu-ly"},
}};

}  // namespace

FeedbackView feedback_view(std::string_view param) {
  for (const auto& [page, slug] : kFeedbackSlugs)
    if (param == slug) return {page, 0};
  if (param.empty() || param.size() > 15) return {};
  long long id = 0;
  for (char c : param) {
    if (c < '0' || c > '9') return {};
    id = id * 10 + (c - '0');
  }
  if (id <= 0) return {};
  return {FeedbackPage::kDetail, id};
}

Route feedback_route(FeedbackPage page, long long id) {
  if (page == FeedbackPage::kDetail) return {Screen::kFeedback, std::to_string(id)};
  for (const auto& [p, slug] : kFeedbackSlugs)
    if (p == page) return {Screen::kFeedback, std::string(slug)};
  return {Screen::kFeedback, ""};
}

namespace {

constexpr std::array<std::pair<PaymentsPage, std::string_view>, 5> kPaymentsSlugs{{
    {PaymentsPage::kTelecom, "vien-thong"},
    {PaymentsPage::kLookup, "tra-cuu"},
    {PaymentsPage::kOrder, "don"},
    {PaymentsPage::kHistory, "lich-su"},
    {PaymentsPage::kContacts, "danh-ba"},
}};

bool takes_id(PaymentsPage page) {
  return page == PaymentsPage::kLookup || page == PaymentsPage::kOrder;
}

}  // namespace

PaymentsView payments_view(std::string_view param) {
  std::string_view slug = param, id;
  if (auto slash = param.find('/'); slash != std::string_view::npos) {
    slug = param.substr(0, slash);
    id = param.substr(slash + 1);
  }
  for (const auto& [page, s] : kPaymentsSlugs) {
    if (s != slug) continue;
    if (takes_id(page) != !id.empty()) return {};
    return {page, std::string(id)};
  }
  return {};
}

Route payments_route(PaymentsPage page, std::string_view id) {
  for (const auto& [p, slug] : kPaymentsSlugs) {
    if (p != page) continue;
    std::string param(slug);
    if (takes_id(page)) param += "/" + std::string(id);
    return {Screen::kPayments, param};
  }
  return {Screen::kPayments, ""};
}

namespace {

constexpr std::array<std::pair<ServicesPage, std::string_view>, 14> kServicesSlugs{{
    {ServicesPage::kCatalogue, "nop-ho-so"},
    {ServicesPage::kProcedure, "thu-tuc"},
    {ServicesPage::kForm, "khai"},
    {ServicesPage::kReceipt, "bien-nhan"},
    {ServicesPage::kMine, "ca-nhan"},
    {ServicesPage::kDossier, "ho-so"},
    {ServicesPage::kSupplement, "bo-sung"},
    {ServicesPage::kPapers, "kho-giay-to"},
    {ServicesPage::kLookup, "tra-cuu"},
    {ServicesPage::kQueue, "xu-ly"},
    {ServicesPage::kStats, "thong-ke"},
    {ServicesPage::kAdminProcedures, "quan-ly-thu-tuc"},
    // Pages that share a list's slug and show one of its items.
    {ServicesPage::kOfficerDossier, "xu-ly"},
    {ServicesPage::kAdminProcedure, "quan-ly-thu-tuc"},
}};

enum class Takes { kNone, kId, kOptional };

Takes takes(ServicesPage page) {
  switch (page) {
    case ServicesPage::kProcedure:
    case ServicesPage::kForm:
    case ServicesPage::kReceipt:
    case ServicesPage::kDossier:
    case ServicesPage::kSupplement:
    case ServicesPage::kOfficerDossier:
    case ServicesPage::kAdminProcedure:
      return Takes::kId;
    case ServicesPage::kLookup:
      return Takes::kOptional;
    default:
      return Takes::kNone;
  }
}

}  // namespace

ServicesView services_view(std::string_view param) {
  std::string_view slug = param, id;
  if (auto slash = param.find('/'); slash != std::string_view::npos) {
    slug = param.substr(0, slash);
    id = param.substr(slash + 1);
  }
  for (const auto& [page, s] : kServicesSlugs) {
    if (s != slug) continue;
    const Takes t = takes(page);
    if (t == Takes::kId && id.empty()) continue;  // a list page shares its item page's slug
    if (t == Takes::kNone && !id.empty()) continue;
    return {page, std::string(id)};
  }
  return {};
}

Route services_route(ServicesPage page, std::string_view id) {
  for (const auto& [p, slug] : kServicesSlugs) {
    if (p != page) continue;
    std::string param(slug);
    if (takes(page) != Takes::kNone && !id.empty()) param += "/" + std::string(id);
    return {Screen::kPublicServices, param};
  }
  return {Screen::kPublicServices, ""};
}

std::string route_hash(const Route& route) {
  std::string hash = "#/";
  hash += screen_slug(route.screen);
  if (!route.param.empty() && route.screen != Screen::kHome) {
    hash += '/';
    hash += route.param;
  }
  return hash;
}

}  // namespace cdscb::core
