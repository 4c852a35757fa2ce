-- The quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2): the short code printed on the
-- quarter's QR poster, so that the address under the code can be typed on a phone (/q/K7M2QX)
-- where a quarter id would not. One code per quarter, made the first time staff ask for it
-- and never changed, because the poster on the lobby wall keeps it.
CREATE TABLE board_codes (
  quarter_id uuid PRIMARY KEY REFERENCES quarters(id) ON DELETE CASCADE,
  district_id uuid NOT NULL REFERENCES districts(id),
  code text NOT NULL UNIQUE CHECK (code ~ '^[2-9A-HJ-NP-Z]{6}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
