#include "http/request.h"

#include "util/strings.h"

namespace cdscb::server::http {

std::string_view raw_path_of(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

std::optional<Request> Request::parse(std::string method, std::string target) {
  if (target.empty() || target.front() != '/') return std::nullopt;
  Request request;
  request.method = std::move(method);
  const std::string_view raw_path = raw_path_of(target);
  auto path = util::percent_decode(raw_path, /*plus_as_space=*/false);
  if (!path) return std::nullopt;
  request.path = std::move(*path);

  const std::size_t question = target.find('?');
  if (question != std::string::npos) {
    std::string_view query = std::string_view(target).substr(question + 1);
    query = query.substr(0, query.find('#'));
    for (std::string_view pair : util::split(query, '&')) {
      if (pair.empty()) continue;
      const std::size_t eq = pair.find('=');
      auto name = util::percent_decode(pair.substr(0, eq), true);
      auto value = util::percent_decode(
          eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!name || !value) return std::nullopt;
      request.query.emplace(std::move(*name), std::move(*value));
    }
  }
  request.target = std::move(target);
  return request;
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  const auto it = query.lower_bound(name);  // the first of equal keys, in the order sent
  if (it == query.end() || it->first != name) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string_view> Request::param(std::string_view name) const {
  const auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace cdscb::server::http
