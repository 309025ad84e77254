#pragma once
// Screens of the app and their hash routes (#/tin-tuc, #/phan-anh, ...). Shared by the app and
// its tests; unknown routes fall back to the home screen.
#include <string>
#include <string_view>

namespace cdscb::core {

enum class Screen {
  kHome,
  kNews,
  kDirectory,
  kFeedback,
  kPublicServices,
  kPayments,
  kCameras,  // #/camera (the list), #/camera/<code> (one camera, live)
  kLogin,
  kRegister,
  kVerifyPhone,
  kAccount,
  kLinkVneid,
  kResetPassword,
  kSettings,
  kSessions,
  kOfficials,
  kOfficialNew,
  kNewsArticle,    // #/tin-tuc/<id>
  kNewsEditor,     // #/dang-tin, #/dang-tin/<id> (officials)
  kNewsManage,     // #/quan-ly-tin (officials: drafts and published)
  kAlertEditor,    // #/canh-bao-khan (officials)
  kNotifications,  // #/thong-bao: updates of the feedback I sent or follow
  // Admins: #/quan-ly-linh-vuc (feedback fields), #/sua-linh-vuc (a new field) and
  // #/sua-linh-vuc/<code>, #/ngay-nghi-le (holidays), #/khoa-open311 (other systems' API keys),
  // #/cong-viec-loi (the jobs that failed every attempt), #/giao-dich-thanh-toan (every payment
  // order) and #/giao-dich-thanh-toan/<order code> (one, with its partner messages and "Hoàn
  // tiền"), #/doi-soat (a day's reconciliation), #/quan-ly-camera ("Quản lý camera"),
  // #/quan-ly-camera/moi (a new camera) and #/quan-ly-camera/<code> (edit one).
  kFeedbackFields,
  kFeedbackFieldEdit,
  kHolidays,
  kOpen311Keys,
  kFailedJobs,
  kPaymentOrders,
  kPaymentOrderAdmin,
  kReconciliation,
  kCameraAdmin,
};

struct Route {
  Screen screen = Screen::kHome;
  std::string param;  // e.g. the id in #/phan-anh/123; empty when none

  bool operator==(const Route&) const = default;
};

// "#/phan-anh/123", "/phan-anh/123" and "phan-anh/123" all parse the same way.
Route parse_route(std::string_view hash);

// The canonical hash for a route, always starting with "#/".
std::string route_hash(const Route& route);

// The path segment of a screen ("tin-tuc"); empty for home.
std::string_view screen_slug(Screen screen);

// The pages under #/phan-anh: the menu, "Tạo phản ánh" (tao), "Cá nhân" (ca-nhan), the officials'
// queue (xu-ly), the public list (cong-khai) and one feedback by its number (#/phan-anh/123).
enum class FeedbackPage { kMenu, kCreate, kMine, kQueue, kDetail, kPublic };
struct FeedbackView {
  FeedbackPage page = FeedbackPage::kMenu;
  long long id = 0;  // kDetail only
  bool operator==(const FeedbackView&) const = default;
};
FeedbackView feedback_view(std::string_view param);
Route feedback_route(FeedbackPage page, long long id = 0);

// The pages under #/thanh-toan: the menu, the telecom providers (vien-thong), a provider's
// lookup (tra-cuu/<provider id>), one order by its code (don/<code>, where the gateway sends the
// browser back), "Lịch sử thanh toán" (lich-su) and "Danh bạ thanh toán" (danh-ba).
enum class PaymentsPage { kMenu, kTelecom, kLookup, kOrder, kHistory, kContacts };
struct PaymentsView {
  PaymentsPage page = PaymentsPage::kMenu;
  std::string id;  // the provider (kLookup) or the order code (kOrder)
  bool operator==(const PaymentsView&) const = default;
};
PaymentsView payments_view(std::string_view param);
Route payments_route(PaymentsPage page, std::string_view id = {});

// The pages under #/dich-vu-cong ("Dịch vụ công"). Citizens: the menu, "Nộp hồ sơ" (nop-ho-so:
// the catalogue), a procedure (thu-tuc/<code>), its form in steps (khai/<code>), the receipt
// (bien-nhan/<dossier code>), "Hồ sơ cá nhân" (ca-nhan), one dossier (ho-so/<dossier code>),
// "Bổ sung hồ sơ" (bo-sung/<dossier code>), "Kho giấy tờ" (kho-giay-to) and "Tra cứu hồ sơ"
// (tra-cuu, and tra-cuu/<dossier code>: the receipt's QR opens it, no login). Officials: the queue
// (xu-ly), one dossier to handle (xu-ly/<dossier code>) and the statistics (thong-ke). Admins:
// "Quản lý thủ tục" (quan-ly-thu-tuc) and one procedure (quan-ly-thu-tuc/<code>, "moi" for a new
// one). Dossier codes hold dots ("000.00.02.H13-261207-0001").
enum class ServicesPage {
  kMenu,
  kCatalogue,
  kProcedure,
  kForm,
  kReceipt,
  kMine,
  kDossier,
  kSupplement,
  kPapers,
  kLookup,
  kQueue,
  kOfficerDossier,
  kStats,
  kAdminProcedures,
  kAdminProcedure,
};
struct ServicesView {
  ServicesPage page = ServicesPage::kMenu;
  std::string id;  // a procedure's or a dossier's code; empty when the page takes none
  bool operator==(const ServicesView&) const = default;
};
ServicesView services_view(std::string_view param);
Route services_route(ServicesPage page, std::string_view id = {});

}  // namespace cdscb::core
