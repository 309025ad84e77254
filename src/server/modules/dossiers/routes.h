// "Dịch vụ công": the procedure catalogue, dossiers filed from the phone and followed to their
// result, the officials' queue and actions, the public lookup and "Kho giấy tờ".
// Errors are {"error":{"code","message","fields"?}}; times RFC 3339 UTC; money integer VND.
//
// Catalogue (anyone):
//   GET  /api/v1/procedures?q=&field=&level=&limit=&cursor=
//        → {"items":[{"code","name","field":{"code","name"},"level","agency","online_level",
//           "processing_days","fee_vnd","version","sample"}],"next_cursor"}  published only;
//        q is matched without diacritics ("ly lich tu phap"); one query per page
//   GET  /api/v1/procedures/{code} → {"procedure": core::procedure_json + "agency_name"} | 404
// Files (signed in): POST /api/v1/dossiers/files, body = the bytes of a JPEG/PNG/WebP photo
//   (downscaled, EXIF removed) or a PDF (checked by content), ≤ 10 MB
//        → 201 {"file":{"id","kind":"image"|"pdf","content_type","bytes"}} | 413 | 415 | 429
//   Private (personal data): stored apart from the public photos (MediaStore::store_private),
//   never served under /media/ (404 there), only by
//   GET /api/v1/dossiers/{code}/files/{id} (a file the dossier holds; whoever may view the
//        dossier; anyone else 404, never 403) and GET /api/v1/papers/{id}/file (its owner; 404)
//        → the bytes, Content-Type of the file, Content-Disposition: inline; filename="<ascii>",
//        Cache-Control: private, no-store, X-Content-Type-Options: nosniff.
//   The JSON names each file's URL: a dossier's papers[code][i].url, result.url, and
//   "file_urls" {id: url} for its form's file fields; a paper's "url". Only files uploaded here
//   can be attached (a public /api/v1/media photo cannot: 422).
// Prefill (signed in; no-store): GET /api/v1/dossiers/prefill → {"prefill":{"full_name",
//   "birth_date","personal_number" (in full: only its owner asks),"phone","email",
//   "permanent_address":{"commune","street"}}}, null where the account has none
// Citizen (signed in; another's dossier is 404):
//   POST /api/v1/dossiers  Idempotency-Key; {"procedure","version","values":{key: value},
//        "papers":{paper code:[{"media","kind"}]}} → 201 {"dossier","receipt"} | 200 (replay)
//        | 422 validation_failed {"fields":{"values.<key>"|"papers.<code>"|…}} (nothing stored)
//        | 422 procedure_unknown (no such published or earlier version: a dossier keeps the
//        version it was filled against, even when a newer one was published meanwhile)
//   GET  /api/v1/dossiers/mine?status=&limit=&cursor= → {"items":[summary],"next_cursor"}
//   GET  /api/v1/dossiers/{code} → {"dossier": detail} (the owner, officials of its agency)
//   GET  /api/v1/dossiers/{code}/receipt → {"receipt"}
//   GET  /api/v1/dossiers/{code}/receipt.pdf → application/pdf, the receipt in Vietnamese with a
//        QR of <origin>/#/dich-vu-cong/tra-cuu/{code} (the app's "Tra cứu hồ sơ" link)
//   POST /api/v1/dossiers/{code}/withdraw {"reason"} → {"dossier"} | 409 not_allowed
//   POST /api/v1/dossiers/{code}/supplement {"values","papers"} (merged over the dossier's)
//        → {"dossier"} | 409 (not asked) | 422 supplement_expired
//   POST /api/v1/dossiers/{code}/survey {"answers":{"1":2,…},"comment"} → {"dossier"} | 409
//   POST /api/v1/dossiers/{code}/fee {} (the owner, while "awaiting_fee") → 201 {"order"} (the
//        payments order JSON: "code", "amount" = the dossier's fee, "purpose":"dossier_fee",
//        "dossier":{"code"}, "provider_name" = the agency) | 200 {"order"} (its live unpaid order
//        again) | 409 fee_not_due | 429. The app shows and pays it at #/thanh-toan/don/<code>
//        (GET /api/v1/payments/orders/{code}, POST …/vnpay). Only the gateway's IPN (or the
//        bank's VietQR notice) books it, once; booking is the dossier's fee-paid action as the
//        system (timeline: "Đã nộp phí trực tuyến", details {"order","gateway","transaction",
//        "amount","paid_at"}) and the order becomes "delivered". A payment that comes after the
//        dossier left "awaiting_fee" (withdrawn, paid at the desk) leaves the dossier as it is
//        and the order "paid" with the reason, for an admin to refund. The receipt's "fee":
//        {"amount","status":"due"|"paid","paid_by":"Thanh toán trực tuyến qua VNPay, mã giao
//        dịch …" | "Nộp tại Bộ phận Một cửa","order"?}.
// Public (no login; per client address 30/hour, 200/day):
//   GET  /api/v1/dossiers/lookup/{code} → {"code","status","procedure":{"code","name"},
//        "agency":{"code","name"},"received_at","due_at","applicant" (masked)} | 404 | 429
// Officials (an officer: their agency's dossiers, 403 for another agency's; admins: all):
//   GET  /api/v1/officer/dossiers?status=&limit=&cursor= → {"items":[summary],"next_cursor"}
//        by due date (overdue first, then due soon), dossiers without a running clock last
//   GET  /api/v1/officer/dossiers/stats?from=&to=(&agency= for admins) → {"agency","from",
//        "until","filed","received","returned","on_time","late","overdue_open",
//        "average_processing_hours","satisfaction":{"rated","average_score","max_score"}}
//   POST /api/v1/officer/dossiers/{code}/<action> → {"dossier"} | 409 not_allowed (the status
//        table, core/dossier.cpp, refuses) | 422; actions and bodies:
//        receive {} (Tiếp nhận: the due date is fixed), accept-supplement {} (the clock restarts
//        in full), request-supplement {"items":[…],"papers":[…],"reason","days"} (notifies the
//        citizen; the clock stops), transfer {"agency","note"}, process {} (Bắt đầu xử lý),
//        finish {}, return-result {"media","number","date"} (lands in the citizen's "Kho giấy
//        tờ"; late → 409 apology_required until apologize), apologize {"reason","new_date"}
//        (Phiếu xin lỗi và hẹn lại ngày trả kết quả), refuse {"reason"} (also after a missed
//        supplement deadline), stop {"reason"}, fee-paid {} (paid at the desk)
// "Kho giấy tờ" (signed in): GET /api/v1/papers/mine → {"items":[{"id","name","media","kind",
//   "url","dossier_code","created_at"}]}; POST /api/v1/papers {"name","media"} → 201 {"paper"};
//   DELETE /api/v1/papers/{id} → 204 | 404
// Admins: POST /api/v1/admin/procedures {procedure JSON} → 201 {"code","version","status":
//   "draft"} | 422; POST /api/v1/admin/procedures/{code}/versions/{version}/publish →
//   {"code","version","status":"published"} | 409; GET /api/v1/admin/procedures/{code} →
//   {"procedure","status"} (the newest version, draft or not); GET /api/v1/admin/procedures →
//   every procedure with its draft status (admin_list_routes.cpp).
#pragma once

#include <memory>

#include "db/database.h"
#include "http/router.h"
#include "integrations/media/media_store.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct DossiersDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
  std::shared_ptr<const media::MediaStore> media;
  // "https://…" without a trailing slash: the receipt's QR holds the app's lookup link there.
  std::string public_origin;
};

void register_dossier_routes(http::Router& router, const DossiersDeps& deps);

// At start (seed_reference_data): procedures from <seed_dir>/procedures/*.json and unit codes
// from <seed_dir>/dossier_units.csv.
void seed_dossier_reference_data(db::Database& database, const std::filesystem::path& seed_dir,
                                 long long now);

namespace dossiers {
void register_catalogue_routes(http::Router& router, const DossiersDeps& deps);
void register_file_routes(http::Router& router, const DossiersDeps& deps);
void register_citizen_routes(http::Router& router, const DossiersDeps& deps);
void register_prefill_routes(http::Router& router, const DossiersDeps& deps);
void register_official_routes(http::Router& router, const DossiersDeps& deps);
void register_fee_routes(http::Router& router, const DossiersDeps& deps);
void register_admin_list_routes(http::Router& router, const DossiersDeps& deps);
long long now_seconds(const DossiersDeps& deps);
}  // namespace dossiers

}  // namespace cdscb::server
