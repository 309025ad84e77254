// A dossier's fee paid online, through the payments module. The citizen asks for an order
// (POST /api/v1/dossiers/{code}/fee, fee_routes.cpp): a payments order of purpose
// "dossier_fee" whose amount is the dossier's fee. Only the gateway's authoritative notification
// books it (payments/booking.cpp), and booking calls take_fee_payment in the same transaction:
// the dossier takes core's fee-paid action as the system, once, with the order in its timeline.
#pragma once

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "db/database.h"
#include "modules/dossiers/store.h"
#include "modules/payments/orders.h"

namespace cdscb::server::dossiers {

// The dossier of a booked fee order takes its fee-paid action ("Đã nộp phí trực tuyến", with
// the order's code, gateway and transaction). "" when it did; otherwise why not (no longer
// waiting for its fee, another amount…), and nothing changed.
std::string take_fee_payment(soci::session& sql, db::Backend backend, const payments::Order& order,
                             long long now);

// How the dossier's fee was paid, from its timeline: nullopt when it was not; the details of an
// online payment ({"order","gateway","transaction","amount"}), or an empty object when an
// official marked it paid at the desk.
std::optional<nlohmann::json> fee_payment(soci::session& sql, long long dossier_id);

// The receipt's words for it: "Thanh toán trực tuyến qua VNPay, mã giao dịch …", or "Nộp tại
// Bộ phận Một cửa".
std::string fee_payment_text(const nlohmann::json& payment);

}  // namespace cdscb::server::dossiers
