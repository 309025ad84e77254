// Maps (method, path pattern) to handler functions. A handler is a plain function from a request
// to a response, so tests call handlers, or the whole router, without a socket.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace cdscb::server::http {

using Handler = std::function<Response(const Request&)>;

// A route's own request body limit (e.g. photo uploads), instead of the server's small default.
struct BodyLimit {
  std::size_t max_bytes = 0;
  std::string code;     // the 413 answer's error code
  std::string message;  // and its Vietnamese message
};

// A registered route as it was added, e.g. {"DELETE", "/api/v1/alerts/{id}"}.
struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  // Registers `handler` for `method` on `pattern`, made of literal segments and "{name}"
  // segments, e.g. "/api/v1/things/{id}". Throws std::invalid_argument for a malformed pattern
  // or a (method, pattern) registered twice.
  void add(std::string_view method, std::string_view pattern, Handler handler);
  void get(std::string_view pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void post(std::string_view pattern, Handler handler) { add("POST", pattern, std::move(handler)); }
  void put(std::string_view pattern, Handler handler) { add("PUT", pattern, std::move(handler)); }
  void patch(std::string_view pattern, Handler handler) {
    add("PATCH", pattern, std::move(handler));
  }
  void del(std::string_view pattern, Handler handler) {
    add("DELETE", pattern, std::move(handler));
  }

  // Lets requests to the route (method, pattern), added before, carry bodies up to
  // `limit.max_bytes`; the transport answers a bigger one with 413 and the limit's code and
  // message. Throws std::invalid_argument when no such route was added.
  void limit_body(std::string_view method, std::string_view pattern, BodyLimit limit);
  // The limit of the route `method` `target` goes to; nullptr: the server's default applies.
  const BodyLimit* body_limit_for(std::string_view method, std::string_view target) const;
  // The biggest of the routes' limits (0 without any).
  std::size_t largest_body_limit() const;

  // Every route, in the order added (the authorisation matrix test walks them all).
  std::vector<RouteInfo> routes() const;

  // Whether some route's pattern matches the path of `target`, whatever the method.
  bool matches(std::string_view target) const;

  // Runs the matching handler with request.params filled in. Unknown path → 404 JSON error;
  // known path, other method → 405 with Allow (HEAD is served by a GET route); HttpError → its
  // response; any other exception → 500 JSON error, logged.
  Response dispatch(Request& request) const;

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter name
    bool is_param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    int literal_count = 0;
    Handler handler;
    std::optional<BodyLimit> body_limit;
  };

  static bool match(const Route& route, const std::vector<std::string>& segments,
                    PathParams* params);

  std::vector<Route> routes_;
};

}  // namespace cdscb::server::http
