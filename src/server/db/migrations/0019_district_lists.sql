-- The district-wide lists that still answered whole: the accounts and the inbox (issue 9,
-- docs/scaling.md). Each is now a page with its total; these indexes let a page and its count
-- read only the caller's rows.

-- ---- GET /api/users: the accounts in the caller's scope ----------------------------------------
-- A district's list in its default order (role, then username) is read from the index in order
-- and stops at the page; a street's, a community's or a quarter's is a few rows of its own.
CREATE INDEX users_district_role_idx ON users (district_id, role, username);
CREATE INDEX users_street_idx ON users (street_id) WHERE street_id IS NOT NULL;
CREATE INDEX users_community_idx ON users (community_id) WHERE community_id IS NOT NULL;
CREATE INDEX users_quarter_idx ON users (quarter_id) WHERE quarter_id IS NOT NULL;

-- ---- GET /api/inbox: the caller's open items, a page at a time -----------------------------------
-- The open items in the inbox's order (due first, then newest): the page stops at its length, and
-- its total and the unread count the header shows every minute read only the caller's open items.
CREATE INDEX inbox_items_open_idx ON inbox_items (user_id, due_at, created_at DESC) WHERE done_at IS NULL;
