#include "modules/feedback/store.h"

#include <soci/soci.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.h"
#include "db/in_list.h"
#include "db/nullable_text.h"
#include "modules/notifications/store.h"

namespace cdscb::server::feedback {
namespace {

// Who may be given feedback of :agency to process (list_assignable and is_assignable agree).
constexpr const char* kAssignable =
    "role IN ('officer', 'admin') AND agency = :agency AND deleted_at IS NULL";

constexpr const char* kColumns =
    "user_id, title, content, field, agency, status, lat, lng, accuracy_m, address, commune, "
    "photos, anonymous, published, assignee_id, answer_text, answer_photos, answer_at, answer_by, "
    "rating_stars, rating_comment, reopened, created_at, updated_at, receive_deadline, "
    "answer_deadline";

}  // namespace

std::string ids_to_json(const std::vector<std::string>& ids) { return nlohmann::json(ids).dump(); }

std::vector<std::string> ids_from_json(const std::string& text) {
  const auto value = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& id : value) {
    if (id.is_string()) out.push_back(id.get<std::string>());
  }
  return out;
}

namespace {

// One feedback row as SOCI reads it: the variables the statement's columns go into (kColumns
// after the id), turned into a Feedback after each fetch.
struct FeedbackRow {
  Feedback f;
  db::Nullable<double> accuracy;
  db::NullableText address, commune, answer_text, rating_comment;
  db::Nullable<long long> assignee, answer_at, answer_by;
  db::Nullable<int> stars;
  std::string photos, answer_photos;
  int anonymous = 0, published = 0, reopened = 0;

  void bind(soci::statement& s) {
    s.exchange(soci::into(f.id));
    s.exchange(soci::into(f.user_id));
    s.exchange(soci::into(f.title));
    s.exchange(soci::into(f.content));
    s.exchange(soci::into(f.field));
    s.exchange(soci::into(f.agency));
    s.exchange(soci::into(f.status));
    s.exchange(soci::into(f.lat));
    s.exchange(soci::into(f.lng));
    s.exchange(soci::into(accuracy.value, accuracy.indicator));
    s.exchange(soci::into(address.value, address.indicator));
    s.exchange(soci::into(commune.value, commune.indicator));
    s.exchange(soci::into(photos));
    s.exchange(soci::into(anonymous));
    s.exchange(soci::into(published));
    s.exchange(soci::into(assignee.value, assignee.indicator));
    s.exchange(soci::into(answer_text.value, answer_text.indicator));
    s.exchange(soci::into(answer_photos));
    s.exchange(soci::into(answer_at.value, answer_at.indicator));
    s.exchange(soci::into(answer_by.value, answer_by.indicator));
    s.exchange(soci::into(stars.value, stars.indicator));
    s.exchange(soci::into(rating_comment.value, rating_comment.indicator));
    s.exchange(soci::into(reopened));
    s.exchange(soci::into(f.created_at));
    s.exchange(soci::into(f.updated_at));
    s.exchange(soci::into(f.receive_deadline));
    s.exchange(soci::into(f.answer_deadline));
  }

  Feedback get() const {
    Feedback out = f;
    out.accuracy_m = accuracy.get();
    out.address = address.get();
    out.commune = commune.get();
    out.photos = ids_from_json(photos);
    out.anonymous = anonymous != 0;
    out.published = published != 0;
    out.assignee_id = assignee.get();
    out.answer_text = answer_text.get();
    out.answer_photos = ids_from_json(answer_photos);
    out.answer_at = answer_at.get();
    out.answer_by = answer_by.get();
    out.rating_stars = stars.get();
    out.rating_comment = rating_comment.get();
    out.reopened = reopened != 0;
    return out;
  }
};

// The rows `where` selects (its placeholders take `ids`, in order), in the order SQL gives them.
std::vector<Feedback> read_feedback_rows(soci::session& sql, const std::string& where,
                                         const std::vector<long long>& ids) {
  std::vector<Feedback> out;
  FeedbackRow row;
  std::vector<long long> values = ids;  // bound by address for the statement's life
  soci::statement statement(sql);
  for (long long& value : values) statement.exchange(soci::use(value));
  row.bind(statement);
  statement.alloc();
  statement.prepare(std::string("SELECT id, ") + kColumns + " FROM feedback WHERE " + where);
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) out.push_back(row.get());
  return out;
}

// The row `id`, with `suffix` after the query (a lock clause).
std::optional<Feedback> read_feedback(soci::session& sql, long long id, const char* suffix) {
  auto rows = read_feedback_rows(sql, std::string("id = :id") + suffix, {id});
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

std::optional<Feedback> find_feedback(soci::session& sql, long long id) {
  return read_feedback(sql, id, "");
}

std::vector<Feedback> find_feedback_list(soci::session& sql, const std::vector<long long>& ids) {
  if (ids.empty()) return {};
  std::map<long long, Feedback> by_id;
  for (Feedback& f :
       read_feedback_rows(sql, "id IN (" + db::in_placeholders(ids.size()) + ")", ids)) {
    by_id.emplace(f.id, std::move(f));
  }
  std::vector<Feedback> out;
  for (const long long id : ids) {
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
  }
  return out;
}

std::optional<Feedback> lock_feedback(soci::session& sql, db::Backend backend, long long id) {
  return read_feedback(sql, id, db::for_update(backend));
}

long long insert_feedback(soci::session& sql, const Feedback& f) {
  db::Nullable<double> accuracy(f.accuracy_m);
  db::NullableText address(f.address), commune(f.commune);
  const std::string photos = ids_to_json(f.photos);
  const int anonymous = f.anonymous ? 1 : 0;
  const int published = f.published ? 1 : 0;
  long long id = 0;
  const std::string search = search_text_of(f);
  sql << "INSERT INTO feedback (user_id, title, content, field, agency, status, "
         "lat, lng, accuracy_m, address, commune, photos, anonymous, published, created_at, "
         "updated_at, receive_deadline, answer_deadline, search_text) VALUES (:user_id, "
         ":title, :content, :field, :agency, :status, :lat, :lng, :accuracy, :address, :commune, "
         ":photos, :anonymous, :published, :created_at, :updated_at, :receive_deadline, "
         ":answer_deadline, :search) RETURNING id",
      soci::use(f.user_id), soci::use(f.title), soci::use(f.content), soci::use(f.field),
      soci::use(f.agency), soci::use(f.status), soci::use(f.lat), soci::use(f.lng),
      soci::use(accuracy.value, accuracy.indicator), soci::use(address.value, address.indicator),
      soci::use(commune.value, commune.indicator), soci::use(photos), soci::use(anonymous),
      soci::use(published), soci::use(f.created_at), soci::use(f.updated_at),
      soci::use(f.receive_deadline), soci::use(f.answer_deadline), soci::use(search),
      soci::into(id);
  return id;
}

bool save_feedback(soci::session& sql, const Feedback& f, const Feedback& read) {
  db::Nullable<long long> assignee(f.assignee_id), answer_at(f.answer_at), answer_by(f.answer_by);
  db::Nullable<int> stars(f.rating_stars);
  db::NullableText answer_text(f.answer_text), rating_comment(f.rating_comment);
  const std::string answer_photos = ids_to_json(f.answer_photos);
  const int anonymous = f.anonymous ? 1 : 0;
  const int published = f.published ? 1 : 0;
  const int reopened = f.reopened ? 1 : 0;
  const std::string search = search_text_of(f);
  soci::statement update =
      (sql.prepare << "UPDATE feedback SET agency = :agency, status = :status, "
                      "anonymous = :anonymous, published = :published, assignee_id = :assignee, "
                      "answer_text = :answer_text, answer_photos = :answer_photos, "
                      "answer_at = :answer_at, answer_by = :answer_by, rating_stars = :stars, "
                      "rating_comment = :comment, reopened = :reopened, updated_at = :updated_at, "
                      "receive_deadline = :receive_deadline, answer_deadline = :answer_deadline, "
                      "search_text = :search "
                      "WHERE id = :id AND status = :read_status AND agency = :read_agency",
       soci::use(f.agency), soci::use(f.status), soci::use(anonymous), soci::use(published),
       soci::use(assignee.value, assignee.indicator),
       soci::use(answer_text.value, answer_text.indicator), soci::use(answer_photos),
       soci::use(answer_at.value, answer_at.indicator),
       soci::use(answer_by.value, answer_by.indicator), soci::use(stars.value, stars.indicator),
       soci::use(rating_comment.value, rating_comment.indicator), soci::use(reopened),
       soci::use(f.updated_at), soci::use(f.receive_deadline), soci::use(f.answer_deadline),
       soci::use(search), soci::use(f.id), soci::use(read.status), soci::use(read.agency));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

std::string search_text_of(const Feedback& f) {
  // The same haystack the list searched in C++ before the column existed, so ?q= finds the same.
  return core::fold_for_search(f.title + " " + f.content + " " + f.address.value_or(""));
}

long long fill_search_text(db::Database& database, long long batch) {
  soci::session sql(database.pool());
  long long filled = 0;
  for (;;) {
    std::vector<Feedback> rows;
    Feedback row;
    db::NullableText address;
    {
      soci::statement select =
          (sql.prepare << "SELECT id, title, content, address FROM feedback "
                          "WHERE search_text IS NULL ORDER BY id LIMIT :batch",
           soci::use(batch), soci::into(row.id), soci::into(row.title), soci::into(row.content),
           soci::into(address.value, address.indicator));
      select.execute();
      while (select.fetch()) {
        row.address = address.get();
        rows.push_back(row);
      }
    }
    if (rows.empty()) return filled;
    db::Transaction transaction(sql, database.backend());
    std::string search;
    long long id = 0;
    soci::statement update = (sql.prepare << "UPDATE feedback SET search_text = :search "
                                             "WHERE id = :id",
                              soci::use(search), soci::use(id));
    for (const Feedback& pending : rows) {
      search = search_text_of(pending);
      id = pending.id;
      update.execute(true);
    }
    transaction.commit();
    filled += static_cast<long long>(rows.size());
  }
}

void insert_update(soci::session& sql, long long feedback_id, const Update& u) {
  db::Nullable<long long> actor(u.actor_id);
  db::NullableText note(u.note), agency(u.agency);
  const std::string photos = ids_to_json(u.photos);
  sql << "INSERT INTO feedback_updates (feedback_id, actor_id, actor_role, action, status, note, "
         "photos, agency, created_at) VALUES (:feedback_id, :actor_id, :actor_role, :action, "
         ":status, :note, :photos, :agency, :created_at)",
      soci::use(feedback_id), soci::use(actor.value, actor.indicator), soci::use(u.actor_role),
      soci::use(u.action), soci::use(u.status), soci::use(note.value, note.indicator),
      soci::use(photos), soci::use(agency.value, agency.indicator), soci::use(u.created_at);
}

std::vector<Update> list_updates(soci::session& sql, long long feedback_id) {
  std::vector<Update> out;
  Update u;
  db::Nullable<long long> actor;
  db::NullableText note, agency;
  std::string photos;
  soci::statement statement =
      (sql.prepare << "SELECT id, actor_id, actor_role, action, status, note, photos, agency, "
                      "created_at FROM feedback_updates WHERE feedback_id = :id ORDER BY id",
       soci::use(feedback_id), soci::into(u.id), soci::into(actor.value, actor.indicator),
       soci::into(u.actor_role), soci::into(u.action), soci::into(u.status),
       soci::into(note.value, note.indicator), soci::into(photos),
       soci::into(agency.value, agency.indicator), soci::into(u.created_at));
  statement.execute();
  while (statement.fetch()) {
    u.actor_id = actor.get();
    u.note = note.get();
    u.agency = agency.get();
    u.photos = ids_from_json(photos);
    out.push_back(u);
  }
  return out;
}

bool is_following(soci::session& sql, long long feedback_id, long long user_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM feedback_followers WHERE feedback_id = :f AND user_id = :u",
      soci::use(feedback_id), soci::use(user_id), soci::into(count);
  return count > 0;
}

std::set<long long> following_among(soci::session& sql, const std::vector<long long>& ids,
                                    long long user_id) {
  std::set<long long> out;
  if (ids.empty()) return out;
  std::vector<long long> values = ids;
  values.push_back(user_id);
  long long id = 0;
  soci::statement statement(sql);
  for (long long& value : values) statement.exchange(soci::use(value));
  statement.exchange(soci::into(id));
  statement.alloc();
  statement.prepare("SELECT feedback_id FROM feedback_followers WHERE feedback_id IN (" +
                    db::in_placeholders(ids.size()) + ") AND user_id = :user_id");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) out.insert(id);
  return out;
}

void follow(soci::session& sql, long long feedback_id, long long user_id, long long now) {
  if (is_following(sql, feedback_id, user_id)) return;
  sql << "INSERT INTO feedback_followers (feedback_id, user_id, created_at) VALUES (:f, :u, :now)",
      soci::use(feedback_id), soci::use(user_id), soci::use(now);
}

void unfollow(soci::session& sql, long long feedback_id, long long user_id) {
  sql << "DELETE FROM feedback_followers WHERE feedback_id = :f AND user_id = :u",
      soci::use(feedback_id), soci::use(user_id);
}

void notify(soci::session& sql, const Feedback& feedback, const std::string& text,
            const std::string& follower_text, std::optional<long long> actor_id, long long now) {
  std::vector<long long> followers;
  long long follower = 0;
  soci::statement statement =
      (sql.prepare << "SELECT user_id FROM feedback_followers WHERE feedback_id = :f ORDER BY "
                      "user_id",
       soci::use(feedback.id), soci::into(follower));
  statement.execute();
  while (statement.fetch()) {
    if (follower != feedback.user_id) followers.push_back(follower);
  }
  const auto send = [&](long long user, const std::string& message, bool linked) {
    if (actor_id && *actor_id == user) return;
    notifications::send(sql, user, message, linked ? std::optional(feedback.id) : std::nullopt,
                        now);
  };
  send(feedback.user_id, text, true);
  for (const long long user : followers) {
    send(user, feedback.published ? text : follower_text, feedback.published);
  }
}

std::optional<UserName> find_user_name(soci::session& sql, long long id) {
  UserName name;
  db::NullableText agency;
  sql << "SELECT full_name, role, agency FROM users WHERE id = :id", soci::use(id),
      soci::into(name.full_name), soci::into(name.role), soci::into(agency.value, agency.indicator);
  if (!sql.got_data()) return std::nullopt;
  name.agency = agency.get();
  return name;
}

std::map<long long, UserName> find_user_names(soci::session& sql, const std::set<long long>& ids) {
  std::map<long long, UserName> out;
  if (ids.empty()) return out;
  std::vector<long long> values(ids.begin(), ids.end());
  long long id = 0;
  UserName name;
  db::NullableText agency;
  soci::statement statement(sql);
  for (long long& value : values) statement.exchange(soci::use(value));
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(name.full_name));
  statement.exchange(soci::into(name.role));
  statement.exchange(soci::into(agency.value, agency.indicator));
  statement.alloc();
  statement.prepare("SELECT id, full_name, role, agency FROM users WHERE id IN (" +
                    db::in_placeholders(values.size()) + ")");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    name.agency = agency.get();
    out[id] = name;
  }
  return out;
}

std::vector<Colleague> list_assignable(soci::session& sql, const std::string& agency,
                                       long long after, long long limit) {
  std::vector<Colleague> out;
  Colleague colleague;
  soci::statement statement =
      (sql.prepare << std::string("SELECT id, full_name FROM users WHERE ") + kAssignable +
                          " AND id > :after ORDER BY id LIMIT :limit",
       soci::use(agency), soci::use(after), soci::use(limit), soci::into(colleague.id),
       soci::into(colleague.name));
  statement.execute();
  while (statement.fetch()) out.push_back(colleague);
  return out;
}

bool is_assignable(soci::session& sql, long long user_id, const std::string& agency) {
  int count = 0;
  sql << std::string("SELECT COUNT(*) FROM users WHERE ") + kAssignable + " AND id = :id",
      soci::use(agency), soci::use(user_id), soci::into(count);
  return count > 0;
}

}  // namespace cdscb::server::feedback
