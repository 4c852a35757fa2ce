-- Inbox and notification outbox. Other modules put to-dos and reminders into a
-- user's inbox and messages into the outbox; channels (SMS gateway, WeChat, e-mail) deliver from
-- the outbox, a log channel by default.

CREATE TABLE inbox_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid REFERENCES quarters(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  due_at timestamptz,
  -- The same reminder is put in an inbox once: (user, dedupe_key) is unique.
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  done_at timestamptz
);
CREATE INDEX inbox_items_user_idx ON inbox_items (user_id, done_at, created_at);
CREATE UNIQUE INDEX inbox_items_dedupe_uq ON inbox_items (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE notification_outbox (
  id bigserial PRIMARY KEY,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid REFERENCES quarters(id),
  channel text NOT NULL DEFAULT 'log',
  -- Who it goes to: a user account, or an owner (who may have no account) by id.
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  owner_id uuid REFERENCES owners(id) ON DELETE SET NULL,
  subject text NOT NULL,
  body text NOT NULL,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (sent_at, id);
