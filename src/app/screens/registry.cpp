#include "app/screens/registry.h"

#include "app/screens/account.h"
#include "app/screens/admin_cameras.h"
#include "app/screens/admin_field_edit.h"
#include "app/screens/admin_fields.h"
#include "app/screens/admin_holidays.h"
#include "app/screens/admin_jobs.h"
#include "app/screens/admin_open311_keys.h"
#include "app/screens/admin_payment_order.h"
#include "app/screens/admin_payment_orders.h"
#include "app/screens/admin_reconciliation.h"
#include "app/screens/alert_editor.h"
#include "app/screens/cameras.h"
#include "app/screens/directory.h"
#include "app/screens/feedback.h"
#include "app/screens/home.h"
#include "app/screens/link_vneid.h"
#include "app/screens/login.h"
#include "app/screens/news.h"
#include "app/screens/news_article.h"
#include "app/screens/news_editor.h"
#include "app/screens/news_manage.h"
#include "app/screens/notifications.h"
#include "app/screens/official_new.h"
#include "app/screens/officials.h"
#include "app/screens/payments.h"
#include "app/screens/placeholder.h"
#include "app/screens/public_services.h"
#include "app/screens/register.h"
#include "app/screens/reset_password.h"
#include "app/screens/sessions.h"
#include "app/screens/settings.h"
#include "app/screens/verify_phone.h"

namespace cdscb::app::screens {

std::map<core::Screen, std::unique_ptr<Screen>> make_all() {
  using core::Screen;
  std::map<Screen, std::unique_ptr<screens::Screen>> all;
  all[Screen::kHome] = std::make_unique<Home>();
  all[Screen::kNews] = std::make_unique<News>();
  all[Screen::kNewsArticle] = std::make_unique<NewsArticle>();
  all[Screen::kNewsEditor] = std::make_unique<NewsEditor>();
  all[Screen::kNewsManage] = std::make_unique<NewsManage>();
  all[Screen::kAlertEditor] = std::make_unique<AlertEditor>();
  all[Screen::kNotifications] = std::make_unique<Notifications>();
  all[Screen::kDirectory] = std::make_unique<Directory>();
  all[Screen::kFeedback] = std::make_unique<Feedback>();
  all[Screen::kPublicServices] = std::make_unique<PublicServices>();
  all[Screen::kPayments] = std::make_unique<Payments>();
  all[Screen::kCameras] = std::make_unique<Cameras>();
  all[Screen::kLogin] = std::make_unique<Login>();
  all[Screen::kRegister] = std::make_unique<Register>();
  all[Screen::kVerifyPhone] = std::make_unique<VerifyPhone>();
  all[Screen::kAccount] = std::make_unique<Account>();
  all[Screen::kLinkVneid] = std::make_unique<LinkVneid>();
  all[Screen::kResetPassword] = std::make_unique<ResetPassword>();
  all[Screen::kSettings] = std::make_unique<Settings>();
  all[Screen::kSessions] = std::make_unique<ActiveSessions>();
  all[Screen::kOfficials] = std::make_unique<Officials>();
  all[Screen::kOfficialNew] = std::make_unique<OfficialNew>();
  all[Screen::kFeedbackFields] = std::make_unique<AdminFields>();
  all[Screen::kFeedbackFieldEdit] = std::make_unique<AdminFieldEdit>();
  all[Screen::kHolidays] = std::make_unique<AdminHolidays>();
  all[Screen::kOpen311Keys] = std::make_unique<AdminOpen311Keys>();
  all[Screen::kFailedJobs] = std::make_unique<AdminJobs>();
  all[Screen::kPaymentOrders] = std::make_unique<AdminPaymentOrders>();
  all[Screen::kPaymentOrderAdmin] = std::make_unique<AdminPaymentOrder>();
  all[Screen::kReconciliation] = std::make_unique<AdminReconciliation>();
  all[Screen::kCameraAdmin] = std::make_unique<AdminCameras>();
  return all;
}

}  // namespace cdscb::app::screens
