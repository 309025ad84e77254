#include "core/routes.h"

#include <doctest/doctest.h>

using namespace cdscb;

using core::parse_route;
using core::Route;
using core::Screen;

TEST_CASE("hash routes name the screens of the home tiles") {
  CHECK(parse_route("#/tin-tuc") == Route{Screen::kNews, ""});
  CHECK(parse_route("#/chinh-quyen") == Route{Screen::kDirectory, ""});
  CHECK(parse_route("#/phan-anh") == Route{Screen::kFeedback, ""});
  CHECK(parse_route("#/dich-vu-cong") == Route{Screen::kPublicServices, ""});
  CHECK(parse_route("#/thanh-toan") == Route{Screen::kPayments, ""});
  CHECK(parse_route("#/camera") == Route{Screen::kCameras, ""});
  CHECK(parse_route("#/dang-nhap") == Route{Screen::kLogin, ""});
  CHECK(parse_route("#/dang-ky") == Route{Screen::kRegister, ""});
  CHECK(parse_route("#/tai-khoan") == Route{Screen::kAccount, ""});
  CHECK(parse_route("#/lien-ket-vneid") == Route{Screen::kLinkVneid, ""});
  CHECK(parse_route("#/quen-mat-khau") == Route{Screen::kResetPassword, ""});
  CHECK(parse_route("#/phien-dang-nhap") == Route{Screen::kSessions, ""});
  CHECK(parse_route("#/quan-ly-can-bo") == Route{Screen::kOfficials, ""});
  CHECK(parse_route("#/tao-can-bo") == Route{Screen::kOfficialNew, ""});
}

TEST_CASE("a route keeps its parameter and tolerates slashes and queries") {
  CHECK(parse_route("#/phan-anh/123") == Route{Screen::kFeedback, "123"});
  CHECK(parse_route("/phan-anh/abc-1/") == Route{Screen::kFeedback, "abc-1"});
  CHECK(parse_route("tin-tuc?x=1") == Route{Screen::kNews, ""});
}

TEST_CASE("unknown or empty routes fall back to home") {
  CHECK(parse_route("") == Route{});
  CHECK(parse_route("#/") == Route{});
  CHECK(parse_route("#/khong-co") == Route{});
  CHECK(parse_route("#/tin-tuc/<script>").param.empty());
}

TEST_CASE("route_hash is the inverse of parse_route") {
  for (Route r : {Route{}, Route{Screen::kNews, ""}, Route{Screen::kFeedback, "42"},
                  Route{Screen::kCameras, ""}}) {
    CHECK(parse_route(core::route_hash(r)) == r);
  }
  CHECK(core::route_hash(Route{}) == "#/");
  CHECK(core::route_hash(Route{Screen::kFeedback, "42"}) == "#/phan-anh/42");
}

TEST_CASE("a news article has a deep link under the list's slug") {
  CHECK(parse_route("#/tin-tuc/42") == Route{Screen::kNewsArticle, "42"});
  CHECK(parse_route("/tin-tuc/abc-1/") == Route{Screen::kNewsArticle, "abc-1"});
  CHECK(parse_route("#/tin-tuc") == Route{Screen::kNews, ""});
  CHECK(parse_route("#/tin-tuc/<script>") == Route{Screen::kNews, ""});
  CHECK(core::route_hash(Route{Screen::kNewsArticle, "42"}) == "#/tin-tuc/42");
  CHECK(core::screen_slug(Screen::kNewsArticle) == "tin-tuc");
  for (Route r : {Route{Screen::kNewsArticle, "7"}, Route{Screen::kNewsEditor, ""},
                  Route{Screen::kNewsEditor, "9"}, Route{Screen::kNewsManage, ""},
                  Route{Screen::kAlertEditor, ""}})
    CHECK(parse_route(core::route_hash(r)) == r);
}

TEST_CASE("notifications have their own page") {
  CHECK(parse_route("#/thong-bao") == Route{Screen::kNotifications, ""});
  CHECK(core::route_hash(Route{Screen::kNotifications, ""}) == "#/thong-bao");
}

TEST_CASE("the admins' pages: feedback fields (new and by code), holidays, Open311 keys, jobs") {
  CHECK(parse_route("#/quan-ly-linh-vuc") == Route{Screen::kFeedbackFields, ""});
  CHECK(parse_route("#/sua-linh-vuc/giao-thong") ==
        Route{Screen::kFeedbackFieldEdit, "giao-thong"});
  CHECK(parse_route("#/ngay-nghi-le") == Route{Screen::kHolidays, ""});
  CHECK(core::route_hash(Route{Screen::kOpen311Keys, ""}) == "#/khoa-open311");
  CHECK(parse_route("#/cong-viec-loi") == Route{Screen::kFailedJobs, ""});
  for (Route r : {Route{Screen::kFeedbackFieldEdit, ""}, Route{Screen::kFeedbackFields, ""},
                  Route{Screen::kHolidays, ""}, Route{Screen::kOpen311Keys, ""},
                  Route{Screen::kFailedJobs, ""}})
    CHECK(parse_route(core::route_hash(r)) == r);
}

TEST_CASE("the admins' payment pages: the orders, one order by its code, the reconciliation") {
  CHECK(parse_route("#/giao-dich-thanh-toan") == Route{Screen::kPaymentOrders, ""});
  CHECK(parse_route("#/giao-dich-thanh-toan/CDS2612021234567") ==
        Route{Screen::kPaymentOrderAdmin, "CDS2612021234567"});
  CHECK(core::route_hash(Route{Screen::kPaymentOrderAdmin, "CDS2612021234567"}) ==
        "#/giao-dich-thanh-toan/CDS2612021234567");
  CHECK(parse_route("#/doi-soat") == Route{Screen::kReconciliation, ""});
  CHECK(core::route_hash(Route{Screen::kReconciliation, ""}) == "#/doi-soat");
  // A code that could not be one falls back to the list; a nested path is not an order.
  CHECK(parse_route("#/giao-dich-thanh-toan/CDS%27--") == Route{Screen::kPaymentOrders, ""});
  CHECK(parse_route("#/giao-dich-thanh-toan/don/CDS1") == Route{Screen::kPaymentOrders, ""});
  for (Route r : {Route{Screen::kPaymentOrders, ""}, Route{Screen::kReconciliation, ""},
                  Route{Screen::kPaymentOrderAdmin, "CDS2612021234567"}})
    CHECK(parse_route(core::route_hash(r)) == r);
}

TEST_CASE("cameras: the list, one camera by its code (a link to share), the admins' screen") {
  CHECK(parse_route("#/camera") == Route{Screen::kCameras, ""});
  CHECK(parse_route("#/camera/cb-cam-01") == Route{Screen::kCameras, "cb-cam-01"});
  CHECK(core::route_hash(Route{Screen::kCameras, "cb-cam-01"}) == "#/camera/cb-cam-01");
  CHECK(parse_route("#/camera/cb%20cam") == Route{Screen::kCameras, ""});
  CHECK(parse_route("#/quan-ly-camera") == Route{Screen::kCameraAdmin, ""});
  CHECK(parse_route("#/quan-ly-camera/moi") == Route{Screen::kCameraAdmin, "moi"});
  CHECK(core::route_hash(Route{Screen::kCameraAdmin, "cb-cam-02"}) == "#/quan-ly-camera/cb-cam-02");
}

TEST_CASE("the pages under #/phan-anh: menu, create, mine, queue and one feedback") {
  using core::feedback_route;
  using core::feedback_view;
  using core::FeedbackPage;
  using core::FeedbackView;
  CHECK(feedback_view("") == FeedbackView{FeedbackPage::kMenu, 0});
  CHECK(feedback_view("tao") == FeedbackView{FeedbackPage::kCreate, 0});
  CHECK(feedback_view("ca-nhan") == FeedbackView{FeedbackPage::kMine, 0});
  CHECK(feedback_view("cong-khai") == FeedbackView{FeedbackPage::kPublic, 0});
  CHECK(feedback_view("xu-ly") == FeedbackView{FeedbackPage::kQueue, 0});
  CHECK(feedback_view("123") == FeedbackView{FeedbackPage::kDetail, 123});
  CHECK(feedback_view("0") == FeedbackView{});
  CHECK(feedback_view("12a") == FeedbackView{});
  CHECK(feedback_view("9999999999999999") == FeedbackView{});
  CHECK(parse_route("#/phan-anh/42") == feedback_route(FeedbackPage::kDetail, 42));
  CHECK(core::route_hash(feedback_route(FeedbackPage::kMine)) == "#/phan-anh/ca-nhan");
  CHECK(core::route_hash(feedback_route(FeedbackPage::kPublic)) == "#/phan-anh/cong-khai");
  CHECK(core::route_hash(feedback_route(FeedbackPage::kMenu)) == "#/phan-anh");
  for (auto page :
       {FeedbackPage::kMenu, FeedbackPage::kCreate, FeedbackPage::kMine, FeedbackPage::kQueue}) {
    CHECK(feedback_view(parse_route(core::route_hash(feedback_route(page))).param).page == page);
  }
}

TEST_CASE("the pages under #/thanh-toan: menu, telecom, a provider's lookup, an order, history") {
  using core::payments_route;
  using core::payments_view;
  using core::PaymentsPage;
  using core::PaymentsView;
  CHECK(payments_view("") == PaymentsView{});
  CHECK(payments_view("vien-thong") == PaymentsView{PaymentsPage::kTelecom, ""});
  CHECK(payments_view("lich-su") == PaymentsView{PaymentsPage::kHistory, ""});
  CHECK(payments_view("danh-ba") == PaymentsView{PaymentsPage::kContacts, ""});
  CHECK(payments_view("tra-cuu/evn") == PaymentsView{PaymentsPage::kLookup, "evn"});
  CHECK(payments_view("don/CDS26120212345678") ==
        PaymentsView{PaymentsPage::kOrder, "CDS26120212345678"});
  CHECK(payments_view("don") == PaymentsView{});        // an order needs its code
  CHECK(payments_view("lich-su/x") == PaymentsView{});  // history takes none
  // Where VNPay's Return URL sends the browser back: the order's code survives the route.
  CHECK(parse_route("#/thanh-toan/don/CDS26120212345678") ==
        payments_route(PaymentsPage::kOrder, "CDS26120212345678"));
  CHECK(core::route_hash(payments_route(PaymentsPage::kLookup, "vnpt")) ==
        "#/thanh-toan/tra-cuu/vnpt");
  // Only payments nest, one level, with safe segments.
  CHECK(parse_route("#/thanh-toan/don/a/b") == Route{Screen::kPayments, ""});
  CHECK(parse_route("#/thanh-toan/don/<x>") == Route{Screen::kPayments, ""});
  CHECK(parse_route("#/phan-anh/don/1") == Route{Screen::kFeedback, ""});
}

TEST_CASE("the pages under #/dich-vu-cong: citizens', officials' and admins' pages") {
  using core::services_route;
  using core::services_view;
  using core::ServicesPage;
  using core::ServicesView;
  const std::string code = "000.00.02.H13-261207-0001";
  CHECK(services_view("") == ServicesView{});
  CHECK(services_view("nop-ho-so") == ServicesView{ServicesPage::kCatalogue, ""});
  CHECK(services_view("thu-tuc/cap-phieu-ly-lich-tu-phap") ==
        ServicesView{ServicesPage::kProcedure, "cap-phieu-ly-lich-tu-phap"});
  CHECK(services_view("xu-ly") == ServicesView{ServicesPage::kQueue, ""});
  CHECK(services_view("xu-ly/" + code) == ServicesView{ServicesPage::kOfficerDossier, code});
  CHECK(services_view("quan-ly-thu-tuc") == ServicesView{ServicesPage::kAdminProcedures, ""});
  CHECK(services_view("quan-ly-thu-tuc/moi") == ServicesView{ServicesPage::kAdminProcedure, "moi"});
  CHECK(services_view("tra-cuu") == ServicesView{ServicesPage::kLookup, ""});
  CHECK(services_view("ho-so") == ServicesView{});      // a dossier needs its code
  CHECK(services_view("ca-nhan/x") == ServicesView{});  // the list takes none
  // The receipt's QR holds #/dich-vu-cong/tra-cuu/<code>; the dots of the code survive.
  CHECK(parse_route("#/dich-vu-cong/tra-cuu/" + code) ==
        services_route(ServicesPage::kLookup, code));
  CHECK(core::route_hash(services_route(ServicesPage::kReceipt, code)) ==
        "#/dich-vu-cong/bien-nhan/" + code);
  for (auto page : {ServicesPage::kCatalogue, ServicesPage::kMine, ServicesPage::kPapers,
                    ServicesPage::kQueue, ServicesPage::kStats, ServicesPage::kAdminProcedures}) {
    CHECK(services_view(parse_route(core::route_hash(services_route(page))).param).page == page);
  }
  // Dots only where codes hold them, and never a segment of dots alone.
  CHECK(parse_route("#/dich-vu-cong/ho-so/..") == Route{Screen::kPublicServices, ""});
  CHECK(parse_route("#/thanh-toan/don/a.b") == Route{Screen::kPayments, ""});
}
