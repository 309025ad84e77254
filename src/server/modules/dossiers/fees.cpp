#include "modules/dossiers/fees.h"

#include "core/dossier.h"
#include "core/time_text.h"
#include "db/nullable_text.h"
#include "modules/dossiers/dossier_json.h"

namespace cdscb::server::dossiers {
namespace {

std::string gateway_name(const std::string& method) {
  if (method == "vnpay") return "VNPay";
  if (method == "vietqr") return "chuyển khoản VietQR";
  return method;
}

}  // namespace

std::string take_fee_payment(soci::session& sql, db::Backend backend, const payments::Order& order,
                             long long now) {
  const auto current = find_dossier(sql, backend, order.customer_code, true);
  if (!current) return "Không tìm thấy hồ sơ " + order.customer_code + ".";
  if (current->status != core::kDossierAwaitingFee)
    return "Hồ sơ " + current->code + " không còn chờ nộp phí (trạng thái " + current->status +
           ").";
  if (current->fee_vnd.value_or(0) != order.amount)
    return "Số tiền của giao dịch khác phí của hồ sơ " + current->code + ".";
  const auto next = core::next_dossier_status(current->status, core::kActionFeePaid,
                                              core::kActorSystem, facts_of(*current, now));
  if (!next) return "Bảng trạng thái không cho ghi nhận phí của hồ sơ " + current->code + ".";
  Dossier changed = *current;
  changed.status = std::string(*next);
  changed.updated_at = now;
  if (!update_dossier(sql, changed, current->status))
    return "Hồ sơ " + current->code + " vừa thay đổi.";
  Event event;
  event.at = now;
  event.actor = core::kActorSystem;
  event.action = core::kActionFeePaid;
  event.status = changed.status;
  event.note = "Đã nộp phí trực tuyến";
  event.details = {{"order", order.code},
                   {"gateway", order.method.value_or("")},
                   {"transaction", order.gateway_transaction.value_or("")},
                   {"amount", order.amount},
                   {"paid_at", core::format_rfc3339(order.paid_at.value_or(now))}};
  add_event(sql, changed.id, event, std::nullopt);
  return {};
}

std::optional<nlohmann::json> fee_payment(soci::session& sql, long long dossier_id) {
  const std::string action(core::kActionFeePaid);
  db::NullableText details;
  long long id = 0;
  sql << "SELECT id, details FROM dossier_events WHERE dossier_id = :dossier AND action = "
         ":action ORDER BY id DESC LIMIT 1",
      soci::use(dossier_id), soci::use(action), soci::into(id),
      soci::into(details.value, details.indicator);
  if (!sql.got_data()) return std::nullopt;
  const auto text = details.get();
  if (!text) return nlohmann::json::object();
  auto parsed = nlohmann::json::parse(*text, nullptr, false);
  return parsed.is_object() ? parsed : nlohmann::json::object();
}

std::string fee_payment_text(const nlohmann::json& payment) {
  if (!payment.is_object() || !payment.contains("order")) return "Nộp tại Bộ phận Một cửa";
  return "Thanh toán trực tuyến qua " + gateway_name(payment.value("gateway", "")) +
         ", mã giao dịch " + payment.value("transaction", "") + " (đơn " +
         payment.value("order", "") + ")";
}

}  // namespace cdscb::server::dossiers
