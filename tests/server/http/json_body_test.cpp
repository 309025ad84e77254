#include "http/json_body.h"

#include <doctest/doctest.h>

#include "http/response.h"
#include "test_support.h"

using namespace cdscb::server::http;
using cdscb::server::testing::make_request;

namespace {

int status_for(const std::string& body) {
  Request request = make_request("POST", "/api/v1/x");
  request.body = body;
  try {
    parse_json_object(request, 64);
    return 200;
  } catch (const HttpError& e) {
    return e.response().status;
  }
}

}  // namespace

TEST_CASE("only a JSON object within the size limit is a body") {
  CHECK(status_for(R"({"a":"b"})") == 200);
  CHECK(status_for("[]") == 400);
  CHECK(status_for("nope") == 400);
  CHECK(status_for("{\"a\":\"\xC3\"}") == 400);
  CHECK(status_for("{\"a\":\"" + std::string(100, 'x') + "\"}") == 413);
}

TEST_CASE("string fields: missing is empty, another type is a field error") {
  FieldErrors errors;
  const auto body = nlohmann::json::parse(R"({"name":"An","age":3,"none":null})");
  CHECK(string_field(body, "name", errors) == "An");
  CHECK(string_field(body, "missing", errors) == "");
  CHECK(string_field(body, "none", errors) == "");
  CHECK_FALSE(string_field(body, "age", errors));
  CHECK(errors.has("age"));
  try {
    errors.throw_if_any();
    FAIL("no error thrown");
  } catch (const HttpError& e) {
    CHECK(e.response().status == 422);
    const auto answer = nlohmann::json::parse(e.response().body);
    CHECK(answer["error"]["code"] == "validation_failed");
    CHECK(answer["error"]["fields"]["age"] == std::string(kFieldNotText));
  }
}
