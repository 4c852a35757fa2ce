-- Issue 14, the remaining parts of finance and the public board.

-- The fee-collection check (finance-fee-collection-report, the finance descriptor's quarterChecks;
-- T/ZAS 4006.1—2020 6.3.2.2) reads the company's reports, so a report written marks the quarter's
-- kept checks stale (0012, the organisations' to-do list), as 0015 does for the disclosures.
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON fee_collection_reports FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');

-- The commissioner's photo on the public profile and the public board (ZAS 6.1.3.5 公开小区专员
-- 信息，信息宜包含姓名、联系方式、照片), kept by the organisations module beside the commissioner's
-- record: one photo a commissioner, replaced by a new upload, its type read from the content.
CREATE TABLE commissioner_photos (
  commissioner_id uuid PRIMARY KEY REFERENCES commissioners(id) ON DELETE CASCADE,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commissioner_photos_quarter_idx ON commissioner_photos (quarter_id);
