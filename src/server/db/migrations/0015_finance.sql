-- Finance and disclosure (资金管理, 公共收益; DB3305/T 309—2024 5.1.1–5.1.2; 百委〔2023〕37号 8–10).
-- Every table carries the quarter's whole path, copied when the row is made, so that the module
-- checks scope on its own rows without reading the registry's tables.

-- Who keeps a quarter's public revenue (DB3305/T 309—2024 5.1.2.5): the residents' committee on
-- the assembly's behalf, or the owners' committee under the residents' committee's supervision;
-- and the amount from which a project is large spending (四审两公开, 百委〔2023〕37号 二（三）9).
CREATE TABLE finance_settings (
  quarter_id uuid PRIMARY KEY REFERENCES quarters(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  holder text NOT NULL DEFAULT 'residents_committee' CHECK (holder IN ('residents_committee', 'owners_committee')),
  large_threshold_fen bigint NOT NULL DEFAULT 5000000 CHECK (large_threshold_fen >= 0),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A voucher (凭证) of an entry: a receipt, an invoice, a bank slip, checked like a ballot scan.
CREATE TABLE ledger_vouchers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_vouchers_quarter_idx ON ledger_vouchers (quarter_id);

-- A fund-use project (资金使用立项, 5.1.1.1) and where it stands in 四审两公开.
CREATE TABLE fund_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  title text NOT NULL,
  purpose text NOT NULL DEFAULT '',
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  category text NOT NULL,
  -- Supplier quotes: [{supplier, amountFen, note}].
  quotes jsonb NOT NULL DEFAULT '[]',
  -- Fixed when it is proposed: the threshold then, and whether the procedure applies.
  threshold_fen bigint NOT NULL,
  large boolean NOT NULL,
  stage text NOT NULL DEFAULT 'proposed' CHECK (stage IN ('proposed', 'committee_reviewed', 'party_reviewed', 'joint_reviewed', 'assembly_decided', 'decision_published', 'use_published', 'rejected')),
  -- The assembly's decision: an item of a vote of the voting module.
  vote_id uuid,
  vote_item_id text,
  created_by uuid,
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_projects_quarter_idx ON fund_projects (quarter_id, created_at);
CREATE INDEX fund_projects_district_idx ON fund_projects (district_id);

-- Each step taken on a project, never changed: who, when, the outcome and the note.
CREATE TABLE fund_project_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES fund_projects(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  step text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('approved', 'rejected')),
  note text NOT NULL DEFAULT '',
  taken_by uuid,
  taken_by_name text,
  taken_by_role text,
  taken_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, step)
);

-- An entry of the public-revenue ledger. Never updated or deleted: a mistake is undone by a
-- reversal, which names what it reverses (once only: the unique index).
CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  -- 1, 2, … per quarter, the voucher number of the books.
  seq integer NOT NULL,
  entry_date date NOT NULL,
  memo text NOT NULL,
  reverses_id uuid REFERENCES ledger_entries(id),
  project_id uuid REFERENCES fund_projects(id),
  voucher_id uuid REFERENCES ledger_vouchers(id),
  booked_by uuid,
  booked_by_name text NOT NULL,
  booked_at timestamptz NOT NULL DEFAULT now(),
  -- The chain (core/finance/chain.ts): sha256 of the previous entry's hash and this entry's
  -- content, so that a changed or missing entry shows.
  hash text NOT NULL,
  UNIQUE (quarter_id, seq),
  UNIQUE (reverses_id)
);
CREATE INDEX ledger_entries_date_idx ON ledger_entries (quarter_id, entry_date, seq);
CREATE INDEX ledger_entries_project_idx ON ledger_entries (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE ledger_lines (
  entry_id uuid NOT NULL REFERENCES ledger_entries(id),
  position integer NOT NULL,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  account text NOT NULL,
  debit_fen bigint NOT NULL CHECK (debit_fen >= 0),
  credit_fen bigint NOT NULL CHECK (credit_fen >= 0),
  CHECK ((debit_fen = 0) <> (credit_fen = 0)),
  PRIMARY KEY (entry_id, position)
);
CREATE INDEX ledger_lines_quarter_idx ON ledger_lines (quarter_id, account);

-- The half-yearly disclosure (每半年公示 1 次, 5.1.2.4): generated from the ledger, reviewed,
-- published. Its figures are kept as generated, so that what was published stays as it was.
CREATE TABLE disclosures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}H[12]$'),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed', 'published')),
  figures jsonb NOT NULL,
  income_fen bigint NOT NULL,
  spending_fen bigint NOT NULL,
  balance_fen bigint NOT NULL,
  generated_by uuid,
  generated_by_name text,
  generated_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid,
  reviewed_by_name text,
  reviewed_at timestamptz,
  review_note text,
  published_by uuid,
  published_by_name text,
  published_at timestamptz,
  UNIQUE (quarter_id, period)
);
CREATE INDEX disclosures_district_idx ON disclosures (district_id);

-- Audits of the quarter's accounts (百委〔2023〕37号 二（三）8): the yearly spot audit by a third
-- party and the audit at the end of a committee's term, with findings and their follow-up.
CREATE TABLE finance_audits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  kind text NOT NULL CHECK (kind IN ('yearly_spot', 'term_end', 'other')),
  period_label text NOT NULL,
  auditor text NOT NULL,
  audited_on date NOT NULL,
  findings text NOT NULL DEFAULT '',
  follow_up text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_on date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX finance_audits_quarter_idx ON finance_audits (quarter_id, audited_on);

-- The three inventories of public resources, assets and funds (三张清单, 百委〔2023〕37号 二（三）10).
CREATE TABLE inventory_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  kind text NOT NULL CHECK (kind IN ('resource', 'asset', 'fund')),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  quantity text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  value_fen bigint CHECK (value_fen >= 0),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_items_quarter_idx ON inventory_items (quarter_id, kind);

-- The property company's report of its fee-collection rate, at least every half year
-- (T/ZAS 4006.1—2020 6.3.2.2).
CREATE TABLE fee_collection_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}H[12]$'),
  receivable_fen bigint NOT NULL CHECK (receivable_fen >= 0),
  collected_fen bigint NOT NULL CHECK (collected_fen >= 0),
  households_due integer NOT NULL CHECK (households_due >= 0),
  households_paid integer NOT NULL CHECK (households_paid >= 0),
  note text NOT NULL DEFAULT '',
  reported_by uuid,
  reported_by_name text,
  reported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (quarter_id, period)
);

-- The special maintenance fund (专项维修资金), recorded apart from public revenue: what the
-- owners raised and what they used, each on the assembly's decision (民法典 第278条 第1款: raising
-- it is item 6, a special matter; using it item 5, an ordinary one).
CREATE TABLE maintenance_fund_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  kind text NOT NULL CHECK (kind IN ('raise', 'use')),
  record_date date NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  memo text NOT NULL,
  vote_id uuid NOT NULL,
  vote_item_id text NOT NULL,
  recorded_by uuid,
  recorded_by_name text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX maintenance_fund_records_quarter_idx ON maintenance_fund_records (quarter_id, record_date);

-- The finance check (finance-half-year-disclosure, the descriptor's quarterChecks) reads the
-- ledger and the disclosures, so writing either marks the quarter's kept checks stale (0012, the
-- organisations' to-do list). Entries come in whole statements (a bank statement's import), so
-- their trigger is per statement.
CREATE FUNCTION quarter_checks_stale_quarters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM quarter_checks_stale(q) FROM (SELECT DISTINCT quarter_id AS q FROM changed_rows) AS changed;
  RETURN NULL;
END $$;
CREATE TRIGGER quarter_checks_stale_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_checks_stale_quarters();
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON disclosures FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
