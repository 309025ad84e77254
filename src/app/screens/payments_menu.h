#pragma once
// The menu of "Thanh toán không tiền mặt" (#/thanh-toan): "Tiền điện", "Tiền nước",
// "Cước viễn thông" and "Lịch sử thanh toán"; and the telecom providers to choose from
// (#/thanh-toan/vien-thong: VNPT, Viettel, MobiFone, as the server offers them).
#include "app/app_context.h"
#include "app/screens/payments_ui.h"

namespace cdscb::app::screens {

void draw_payments_menu(AppContext& ctx, payments_ui::Providers& providers, float width);
void draw_telecom_providers(AppContext& ctx, payments_ui::Providers& providers, float width);

}  // namespace cdscb::app::screens
