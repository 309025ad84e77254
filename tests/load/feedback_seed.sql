-- Fills the feedback table of a cdscb-server SQLite database with realistic rows, fast (no HTTP),
-- for scripts/bench. Run with sqlite3 after the server has created the schema and loaded the
-- fields from data/feedback_fields.csv, and after the caller filled the temporary tables
--   bench_params(count, now)  and  bench_communes(code, name)  (from src/core/communes.cpp).
-- Authors: 2,000 citizens (phones "bench-citizen-N": not phone numbers) plus every citizen
-- already in users; points uniformly over the province box; statuses mixed; resolved and
-- rejected rows answered and published (about half of all rows).
CREATE TEMP TABLE bench_fields AS
  SELECT row_number() OVER (ORDER BY position, code) - 1 AS n, code, agency, answer_days
  FROM feedback_fields;
CREATE TEMP TABLE bench_titles (n INTEGER, title TEXT, content TEXT);
INSERT INTO bench_titles VALUES
  (0, 'Ổ gà lớn trên đường', 'Mặt đường xuất hiện nhiều ổ gà sâu, xe máy đi qua rất nguy hiểm, nhất là khi trời mưa.'),
  (1, 'Đèn đường không sáng', 'Cả dãy đèn chiếu sáng công cộng không sáng nhiều đêm nay, người dân đi lại khó khăn.'),
  (2, 'Rác thải đổ không đúng nơi quy định', 'Có người đổ rác thải sinh hoạt và phế thải xây dựng ra ven đường, bốc mùi hôi.'),
  (3, 'Cống thoát nước bị tắc', 'Cống thoát nước bị tắc, mỗi khi mưa to nước tràn lên mặt đường và vào nhà dân.'),
  (4, 'Sạt lở taluy dương sau mưa', 'Đất đá từ taluy dương sạt xuống lấn một nửa mặt đường, cần cảnh báo và dọn dẹp.'),
  (5, 'Biển báo giao thông bị đổ', 'Biển báo khúc cua nguy hiểm bị đổ sau gió lốc, chưa được dựng lại.'),
  (6, 'Xây dựng không phép', 'Một công trình đang xây dựng lấn chiếm hành lang an toàn đường bộ.'),
  (7, 'Nước sinh hoạt bị đục', 'Nước máy mấy hôm nay bị đục và có mùi lạ, đề nghị kiểm tra chất lượng nước.');

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO users (phone, full_name, password_hash, role, created_at)
SELECT 'bench-citizen-' || i, 'Công dân thử ' || i, '!', 'citizen', (SELECT now FROM bench_params) FROM n;
CREATE TEMP TABLE bench_authors AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM users WHERE role = 'citizen';

-- r0..r5: independent random draws per row; created_at spreads the rows over the last year,
-- in id order like real inserts. A table, not a CTE: SQLite would draw random() again at each use.
CREATE TEMP TABLE bench_draws AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT count FROM bench_params))
  SELECT i, abs(random()) AS r0, abs(random()) AS r1, abs(random()) AS r2, abs(random()) AS r3,
         abs(random()) % 1000000 AS r4, abs(random()) % 1000000 AS r5,
         (SELECT now FROM bench_params) - ((SELECT count FROM bench_params) - i) * 31536 / ((SELECT count FROM bench_params) / 1000 + 1) AS created
  FROM n;
WITH picked AS (
  SELECT d.*, f.code AS field, f.agency AS agency, f.answer_days AS answer_days,
         t.title AS title, t.content AS content, c.code AS commune, c.name AS commune_name,
         CASE WHEN r3 % 100 < 40 THEN 'resolved' WHEN r3 % 100 < 50 THEN 'rejected'
              WHEN r3 % 100 < 65 THEN 'in_progress' WHEN r3 % 100 < 80 THEN 'received'
              WHEN r3 % 100 < 85 THEN 'transferred' ELSE 'submitted' END AS status,
         (SELECT id FROM bench_authors WHERE bench_authors.n = d.r2 % (SELECT count(*) FROM bench_authors)) AS user_id
  FROM bench_draws d
  JOIN bench_fields f ON f.n = d.r0 % (SELECT count(*) FROM bench_fields)
  JOIN bench_titles t ON t.n = d.r1 % 8
  JOIN bench_communes c ON c.n = (d.r1 / 8) % (SELECT count(*) FROM bench_communes))
INSERT INTO feedback (user_id, idempotency_key, title, content, field, agency, status, lat, lng,
                      accuracy_m, address, commune, anonymous, published, answer_text, answer_at,
                      created_at, updated_at, receive_deadline, answer_deadline)
SELECT user_id, 'bench-' || i, title, content, field, agency, status,
       22.35 + 0.8 * r4 / 1000000.0, 105.25 + 1.6 * r5 / 1000000.0, 5 + r0 % 40,
       'Tổ ' || (1 + r2 % 20) || ', ' || commune_name, commune, (r3 / 100) % 5 = 0,
       status IN ('resolved', 'rejected'),
       CASE WHEN status IN ('resolved', 'rejected') THEN 'Cơ quan đã kiểm tra hiện trường và xử lý theo quy định.' END,
       CASE WHEN status IN ('resolved', 'rejected') THEN created + 86400 * (1 + r0 % 10) END,
       created, created + 3600 * (r2 % 200), created + 8 * 3600, created + answer_days * 86400
FROM picked;
