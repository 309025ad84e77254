// The redirect to VNeID, its callback, and what the linking screen reads afterwards.
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/accounts.h"
#include "modules/vneid/handlers.h"
#include "modules/vneid/messages.h"
#include "modules/vneid/store.h"
#include "security/crypto.h"
#include "util/log.h"

namespace cdscb::server::vneid {
namespace {

using integrations::vneid::code_name;
using integrations::vneid::VneidIdentity;

constexpr const char* kSignedInTarget = "/#/";
constexpr const char* kLinkTarget = "/#/lien-ket-vneid";

http::Response redirect(const std::string& location) {
  http::Response response;
  response.status = 302;
  response.headers.set("Location", location);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::HttpError not_configured() {
  return http::HttpError(404, "vneid_not_configured", messages::kNotConfigured);
}

// What the linking screen shows and link/new uses; the phone normalised, or null.
nlohmann::json pending_identity(const VneidIdentity& identity, const std::string& issuer) {
  nlohmann::json phone = nullptr;
  if (identity.so_dien_thoai) {
    if (const auto normalised = core::normalize_phone(*identity.so_dien_thoai)) phone = *normalised;
  }
  const auto or_null = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"sub", identity.sub},
          {"issuer", issuer},
          {"so_dinh_danh", identity.so_dinh_danh},
          {"ho_va_ten", identity.ho_va_ten},
          {"ngay_sinh", or_null(identity.ngay_sinh)},
          {"gioi_tinh", or_null(identity.gioi_tinh)},
          {"so_dien_thoai", phone},
          {"assurance_level", or_null(identity.assurance_level)}};
}

http::Response start(const VneidDeps& deps) {
  if (!deps.client) throw not_configured();
  const auto login = deps.client->begin_login();
  if (!login.ok()) {
    util::log_warn("vneid: login could not start: " + std::string(code_name(login.error().code())));
    throw http::HttpError(502, "vneid_failed", messages::kFailed);
  }
  const std::string attempt_id = security::random_token();
  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  purge_expired(sql, now);
  insert_state(sql, login->state, security::sha256_hex(attempt_id), login->nonce,
               login->code_verifier, now);
  http::Response response = redirect(login->authorization_url);
  response.headers.add("Set-Cookie", attempt_cookie(deps, attempt_id));
  return response;
}

http::Response callback(const VneidDeps& deps, const http::Request& request) {
  if (!deps.client) throw not_configured();
  const std::string hash = attempt_hash(request);
  const std::string state(request.query_param("state").value_or(""));
  const std::string code(request.query_param("code").value_or(""));
  const auto provider_error = request.query_param("error");
  const auto iss = request.query_param("iss");
  const long long now = now_seconds(deps);
  // The token exchange below is a network call to the provider: no pooled session is held across
  // it. The state is taken in one short session and the outcome written in another, so a slow
  // provider cannot exhaust the pool.

  // Every outcome but a sign-in is left for the attempt, for the linking screen to show.
  const auto fail = [&](std::string_view error_code, std::string_view message,
                        const std::string& reason) {
    util::log_warn("vneid: login refused: " + reason);
    if (!hash.empty()) {
      soci::session sql(deps.database.pool());
      remember_error(sql, hash, std::string(error_code), std::string(message),
                     now + kAttemptSeconds);
    }
    return redirect(kLinkTarget);
  };

  const auto login_state = [&] {
    soci::session sql(deps.database.pool());
    return take_state(sql, state, hash, now);  // single use: taken before the exchange
  }();
  if (!login_state) {
    return fail("vneid_expired", messages::kInvalidState,
                hash.empty() ? "no attempt cookie" : "unknown, used, expired or foreign state");
  }
  if (provider_error) {
    if (*provider_error == "access_denied") {
      return fail("vneid_cancelled", messages::kCancelled, "the citizen cancelled");
    }
    return fail("vneid_failed", messages::kFailed,
                "provider error " + util::escape_control(*provider_error));
  }
  if (iss && *iss != deps.client->config().issuer) {
    return fail("vneid_failed", messages::kFailed, "iss of the callback is another issuer");
  }
  if (code.empty()) return fail("vneid_failed", messages::kFailed, "no code");

  const auto identity =
      deps.client->finish_login(code, login_state->nonce, login_state->code_verifier);
  if (!identity.ok()) {
    std::string reason(code_name(identity.error().code()));
    if (!identity.error().provider_error().empty()) {
      reason += " (" + util::escape_control(identity.error().provider_error()) + ")";
    }
    return fail("vneid_failed", messages::kFailed, reason);
  }

  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  if (const auto link = find_link_by_number(sql, identity->so_dinh_danh)) {
    const std::string session = deps.sessions.start(sql, link->user_id, request);
    forget_attempt(sql, hash);
    transaction.commit();
    http::Response response = redirect(kSignedInTarget);
    response.headers.add("Set-Cookie", session);
    response.headers.add("Set-Cookie", expired_attempt_cookie(deps));
    return response;
  }
  remember_identity(sql, hash, pending_identity(identity.value(), deps.client->config().issuer),
                    now + kAttemptSeconds);
  transaction.commit();
  return redirect(kLinkTarget);
}

http::Response pending(const VneidDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto attempt = find_attempt(sql, attempt_hash(request), now_seconds(deps));
  if (!attempt) throw http::HttpError(404, "no_pending", messages::kNoPending);
  if (!attempt->identity) {
    const int status = attempt->error_code == "vneid_expired" ? 410 : 400;
    throw http::HttpError(status, attempt->error_code, attempt->error_message);
  }
  const nlohmann::json& identity = *attempt->identity;
  return http::Response::json(
      200, {{"identity",
             {{"ho_va_ten", identity["ho_va_ten"]},
              {"so_dinh_danh_masked", mask_number(identity["so_dinh_danh"].get<std::string>())},
              {"ngay_sinh", identity["ngay_sinh"]},
              {"gioi_tinh", identity["gioi_tinh"]},
              {"so_dien_thoai", identity["so_dien_thoai"]}}}});
}

}  // namespace

void register_login_routes(http::Router& router, const VneidDeps& deps) {
  router.get("/api/v1/auth/vneid/start", [deps](const http::Request&) { return start(deps); });
  router.get("/api/v1/auth/vneid/callback",
             [deps](const http::Request& request) { return callback(deps, request); });
  router.get("/api/v1/auth/vneid/pending",
             [deps](const http::Request& request) { return pending(deps, request); });
}

}  // namespace cdscb::server::vneid
