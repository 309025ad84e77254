#include "http/router.h"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

#include "http/messages.h"
#include "util/log.h"
#include "util/strings.h"

namespace cdscb::server::http {
namespace {

// Decoded segments of the target's path, or nullopt if one is malformed.
std::optional<std::vector<std::string>> path_segments(std::string_view target) {
  std::vector<std::string> segments;
  for (std::string_view raw : util::split(raw_path_of(target), '/')) {
    auto decoded = util::percent_decode(raw, /*plus_as_space=*/false);
    if (!decoded) return std::nullopt;
    segments.push_back(std::move(*decoded));
  }
  return segments;
}

std::string_view routing_target(const Request& request) {
  return request.target.empty() ? std::string_view(request.path) : request.target;
}

}  // namespace

void Router::add(std::string_view method, std::string_view pattern, Handler handler) {
  if (method.empty() || pattern.empty() || pattern.front() != '/' || !handler) {
    throw std::invalid_argument("router: bad route " + std::string(method) + " " +
                                std::string(pattern));
  }
  Route route{std::string(method), std::string(pattern), {}, 0, std::move(handler)};
  std::set<std::string_view> names;
  for (std::string_view part : util::split(pattern, '/')) {
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      std::string_view name = part.substr(1, part.size() - 2);
      if (name.empty() || name.find_first_of("{}") != std::string_view::npos ||
          !names.insert(name).second) {
        throw std::invalid_argument("router: bad parameter in " + std::string(pattern));
      }
      route.segments.push_back({std::string(name), true});
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("router: bad segment in " + std::string(pattern));
      }
      route.segments.push_back({std::string(part), false});
      ++route.literal_count;
    }
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument("router: duplicate route " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

void Router::limit_body(std::string_view method, std::string_view pattern, BodyLimit limit) {
  for (Route& route : routes_) {
    if (route.method == method && route.pattern == pattern) {
      route.body_limit = std::move(limit);
      return;
    }
  }
  throw std::invalid_argument("router: no route " + std::string(method) + " " +
                              std::string(pattern) + " to limit");
}

const BodyLimit* Router::body_limit_for(std::string_view method, std::string_view target) const {
  const auto segments = path_segments(target);
  if (!segments) return nullptr;
  for (const Route& route : routes_) {
    if (route.body_limit && route.method == method && match(route, *segments, nullptr)) {
      return &*route.body_limit;
    }
  }
  return nullptr;
}

std::size_t Router::largest_body_limit() const {
  std::size_t largest = 0;
  for (const Route& route : routes_) {
    if (route.body_limit) largest = std::max(largest, route.body_limit->max_bytes);
  }
  return largest;
}

bool Router::match(const Route& route, const std::vector<std::string>& segments,
                   PathParams* params) {
  if (route.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& want = route.segments[i];
    if (want.is_param ? segments[i].empty() : want.text != segments[i]) return false;
  }
  if (params) {
    params->clear();
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (route.segments[i].is_param) params->emplace(route.segments[i].text, segments[i]);
    }
  }
  return true;
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> list;
  list.reserve(routes_.size());
  for (const Route& route : routes_) list.push_back({route.method, route.pattern});
  return list;
}

bool Router::matches(std::string_view target) const {
  const auto segments = path_segments(target);
  if (!segments) return false;
  return std::any_of(routes_.begin(), routes_.end(),
                     [&](const Route& r) { return match(r, *segments, nullptr); });
}

Response Router::dispatch(Request& request) const {
  const auto segments = path_segments(routing_target(request));
  if (!segments) return Response::error(400, "bad_request", messages::kBadRequest);

  // HEAD is answered by the GET route; the transport drops the body.
  const std::string_view method =
      request.method == "HEAD" ? std::string_view("GET") : std::string_view(request.method);
  const Route* best = nullptr;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (!match(route, *segments, nullptr)) continue;
    allowed.insert(route.method);
    // Literal segments beat parameters: "/things/new" wins over "/things/{id}".
    if (route.method == method && (!best || route.literal_count > best->literal_count)) {
      best = &route;
    }
  }
  if (!best) {
    if (allowed.empty()) return Response::error(404, "not_found", messages::kNotFound);
    if (allowed.count("GET")) allowed.insert("HEAD");
    std::string allow;
    for (const std::string& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
    Response response = Response::error(405, "method_not_allowed", messages::kMethodNotAllowed);
    response.headers.set("Allow", std::move(allow));
    return response;
  }

  match(*best, *segments, &request.params);
  request.route = best->pattern;
  try {
    return best->handler(request);
  } catch (const HttpError& e) {
    return e.response();
  } catch (const std::exception& e) {
    util::log_error("handler " + request.method + " " + best->pattern + " threw: " + e.what());
  } catch (...) {
    util::log_error("handler " + request.method + " " + best->pattern + " threw");
  }
  return Response::error(500, "internal_error", messages::kInternalError);
}

}  // namespace cdscb::server::http
