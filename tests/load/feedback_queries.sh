#!/usr/bin/env bash
# Feedback list and map queries per second with many feedback rows: seeds a fresh SQLite database
# with tests/load/feedback_seed.sql (no HTTP), starts the server on it and measures each query
# with wrk (p50/p99 from wrk --latency). Called by scripts/bench; usable alone after building
# cdscb-server:  tests/load/feedback_queries.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
server=${CDSCB_SERVER:-build/native/src/server/cdscb-server}  # another build to compare with
dir=$(mktemp -d)
pid=
stop() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; rm -rf "$dir"' EXIT
start() {
  : >"$dir/out"
  "$server" --listen 127.0.0.1:0 --db "sqlite:$dir/app.db" --data-dir "$dir" >"$dir/out" 2>"$dir/log" &
  pid=$!
  # Up to a minute: at start the server folds the search text of the rows the seed put in.
  for _ in $(seq 600); do grep -q "listening on" "$dir/out" && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/out" | head -1)
}

# Schema and fields come from the server itself; then the officials and the citizen who sign in.
start
stop
add_user() {  # role agency phone
  printf 'Bench Feedback 2025\n' | "$server" user add --role "$1" ${2:+--agency "$2"} --phone "$3" \
    --name "Người đo tải" --password-stdin --db "sqlite:$dir/app.db" >/dev/null
}
add_user admin "" 0900000001
add_user officer so-xay-dung 0900000002
add_user officer so-xay-dung 0900000003  # becomes the citizen (user add makes officials only)
seed_started=$(date +%s.%N)
{
  echo "UPDATE users SET role = 'citizen', agency = NULL WHERE phone = '0900000003';"
  echo "CREATE TEMP TABLE bench_params AS SELECT $rows AS count, $(date +%s) AS now;"
  echo "CREATE TEMP TABLE bench_communes (n INTEGER, code TEXT, name TEXT);"
  grep -o '{"[a-z-]*", "[^"]*"' src/core/communes.cpp |
    awk -F'"' '{printf "INSERT INTO bench_communes VALUES (%d, '\''%s'\'', '\''%s'\'');\n", NR - 1, $2, $4}'
  echo "BEGIN;"
  cat tests/load/feedback_seed.sql
  echo "COMMIT;"
} | sqlite3 "$dir/app.db"
seed_s=$(echo "$(date +%s.%N) - $seed_started" | bc)
published=$(sqlite3 "$dir/app.db" "SELECT count(*) || ' rows, ' || sum(published) || ' published, ' || (SELECT count(*) FROM feedback WHERE user_id = (SELECT id FROM users WHERE phone = '0900000003')) || ' by the bench citizen' FROM feedback")
printf '  seeded %s in %.1f s (tests/load/feedback_seed.sql)\n' "$published" "$seed_s"
# "Phản ánh tương tự" is asked where open feedback of the field already is (30 m from one).
near=$(sqlite3 "$dir/app.db" "SELECT printf('lat=%.6f&lng=%.6f', lat + 0.0002, lng + 0.0002) FROM feedback
  WHERE field = 'giao-thong' AND status = 'received' ORDER BY id LIMIT 1")
start

cookie() {
  curl -s -o /dev/null -D - -H 'Content-Type: application/json' \
    -d "{\"phone\":\"$1\",\"password\":\"Bench Feedback 2025\"}" "$url/api/v1/sessions" |
    grep -i '^set-cookie:' | head -1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r'
}
citizen=$(cookie 0900000003)
admin=$(cookie 0900000001)
officer=$(cookie 0900000002)

# Each figure is also given as a share of /api/v1/health measured the same way in the same run
# (issue 14 sets its goals as such ratios, so machines and runs compare).
connections=${CDSCB_BENCH_CONNECTIONS:-10}
health_rps=$(wrk -t2 -c"$connections" -d5s "$url/api/v1/health" | awk '/Requests\/sec/ {print $2}')
measure() {  # label cookie path
  local status items
  status=$(curl -s -o "$dir/answer" -w '%{http_code}' -H "Cookie: $2" "$url$3")
  printf '  %-62s ' "$1"
  if [ "$status" != 200 ]; then echo "answered $status"; return; fi
  items=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).items.length)' "$dir/answer")
  wrk -t2 -c"$connections" -d5s --latency -H "Cookie: $2" "$url$3" |
    awk -v items="$items" -v health="$health_rps" '/Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2}
         END {printf "%8s req/s %7.4fx health  (p50 %s, p99 %s; %s items)\n", rps, rps / health, p50, p99, items}'
}
echo "  (wrk, 2 threads, $connections connections, 5 s each; 20 items a page; /api/v1/health: $health_rps req/s)"
measure "GET /api/v1/feedback/mine (citizen)" "$citizen" "/api/v1/feedback/mine"
measure "GET /api/v1/public/feedback" "" "/api/v1/public/feedback"
measure "GET /api/v1/public/feedback?field=giao-thong" "" "/api/v1/public/feedback?field=giao-thong"
measure "GET /api/v1/public/feedback?status=rejected" "" "/api/v1/public/feedback?status=rejected"
measure "GET /api/v1/public/feedback?commune=xa-bao-lac" "" "/api/v1/public/feedback?commune=xa-bao-lac"
measure "  ?field=giao-thong&status=resolved&commune=xa-bao-lac" "" \
  "/api/v1/public/feedback?field=giao-thong&status=resolved&commune=xa-bao-lac"
measure "GET /api/v1/public/feedback?q=den%20duong" "" "/api/v1/public/feedback?q=den%20duong"
measure "  ?q=sat%20lo&commune=xa-bao-lac" "" "/api/v1/public/feedback?q=sat%20lo&commune=xa-bao-lac"
measure "  ?q=khong%20co%20dau (no match: every published row read)" "" \
  "/api/v1/public/feedback?q=khong%20co%20dau"
# The public map: the whole province (the newest 500 points) and a small box around Thục Phán
# ward (22.66, 106.25), as the app asks when zoomed in on the town.
measure "GET /api/v1/public/feedback/map (whole province)" "" \
  "/api/v1/public/feedback/map?bbox=105.25,22.35,106.85,23.15"
measure "GET /api/v1/public/feedback/map (Thục Phán, ~3 km box)" "" \
  "/api/v1/public/feedback/map?bbox=106.235,22.645,106.265,22.675"
measure "  map, whole province ?field=giao-thong&status=resolved" "" \
  "/api/v1/public/feedback/map?bbox=105.25,22.35,106.85,23.15&field=giao-thong&status=resolved"
measure "GET /api/v1/feedback/similar?field=giao-thong&lat=22.666&lng=106.258" "$citizen" \
  "/api/v1/feedback/similar?field=giao-thong&lat=22.666&lng=106.258"
measure "GET /api/v1/feedback/similar (next to open feedback)" "$citizen" \
  "/api/v1/feedback/similar?field=giao-thong&$near"
measure "GET /api/v1/officer/feedback (officer, so-xay-dung)" "$officer" "/api/v1/officer/feedback"
measure "GET /api/v1/officer/feedback?status=submitted (officer)" "$officer" \
  "/api/v1/officer/feedback?status=submitted"
measure "GET /api/v1/officer/feedback (admin: all agencies)" "$admin" "/api/v1/officer/feedback"
