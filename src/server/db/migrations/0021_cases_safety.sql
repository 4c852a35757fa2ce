-- Cases, safety (issue 12): the emergency plans and drills judged among a quarter's checks, the
-- State Council's holiday calendar for working-day time limits, and photos of hazards.

-- The cases module's quarter checks read the plans and drills (T/ZAS 4006.1—2020 6.2.4.1), so a
-- write to either marks its quarter's kept checks stale (0012, the organisations' to-do list).
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON emergency_plans FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON emergency_drills FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');

-- The State Council's holiday calendar (国务院办公厅 部分节假日安排), by day: a holiday (放假) is not a
-- working day even on a weekday; a make-up working day (调休上班) is one even on a weekend. The
-- working-day time limits of cases count by it (core/cases/deadlines.ts); a day not listed is a
-- working day from Monday to Friday. Kept by the district office (API and `gongzhi holiday`).
CREATE TABLE public_calendar_days (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  source text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社北京11月4日电）.
INSERT INTO public_calendar_days (day, kind, name, source)
SELECT d::date, 'holiday', n, '国务院办公厅关于2026年部分节假日安排的通知'
FROM (VALUES
  ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
  ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'), ('2026-02-19', '春节'),
  ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'), ('2026-02-23', '春节'),
  ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
  ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'), ('2026-05-05', '劳动节'),
  ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
  ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
  ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'),
  ('2026-10-05', '国庆节'), ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')
) AS h(d, n);
INSERT INTO public_calendar_days (day, kind, name, source)
SELECT d::date, 'workday', n, '国务院办公厅关于2026年部分节假日安排的通知'
FROM (VALUES
  ('2026-01-04', '元旦调休上班'), ('2026-02-14', '春节调休上班'), ('2026-02-28', '春节调休上班'),
  ('2026-05-09', '劳动节调休上班'), ('2026-09-20', '国庆节调休上班'), ('2026-10-10', '国庆节调休上班')
) AS w(d, n);

-- Photos of a hazard, as a case's (0013 case_photos): JPEG, PNG or WebP by content, at most 5 MB
-- and 3 a hazard, served only to whoever may read the hazard.
CREATE TABLE hazard_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hazard_id uuid NOT NULL REFERENCES hazards(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hazard_photos_hazard_idx ON hazard_photos (hazard_id);
