-- The property company's half-yearly arrears list (欠费名单), published on the quarter's public
-- board only where the district's policy pack has the disclosure (西政办〔2020〕29号 二（三）10:
-- 对业主…逾期不交纳物业服务费等…可结合实际情况建立定期公示制度（一般为每半年一次）). A row names
-- the unit, never the owner: the list holds no name and no phone, and the public form masks the
-- room (core/finance/arrears.ts).
CREATE TABLE arrears_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}H[12]$'),
  -- [{building, unit, monthsOwed, amountFen}]
  rows jsonb NOT NULL,
  recorded_by uuid,
  recorded_by_name text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid,
  UNIQUE (quarter_id, period)
);
