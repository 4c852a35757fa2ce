-- Cases, safety (issue 12): the emergency plans and drills judged among a quarter's checks, and
-- the State Council's holiday calendar for working-day time limits.

-- The cases module's quarter checks read the plans and drills (T/ZAS 4006.1—2020 6.2.4.1), so a
-- write to either marks its quarter's kept checks stale (0012, the organisations' to-do list).
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON emergency_plans FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON emergency_drills FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
