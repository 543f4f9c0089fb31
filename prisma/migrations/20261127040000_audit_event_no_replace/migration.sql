-- An INSERT that names the id of an existing audit event can only be meant to replace
-- it: INSERT OR REPLACE and REPLACE INTO delete the old row without firing the
-- DELETE trigger (unless recursive_triggers is on), so the append-only triggers of
-- the first migration never see it. BEFORE INSERT triggers run before SQLite
-- resolves the conflict, so this refuses every conflict clause (REPLACE, IGNORE,
-- ON CONFLICT … DO UPDATE) the same way. New events leave the id to SQLite.
CREATE TRIGGER "audit_event_no_replace" BEFORE INSERT ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = NEW."id")
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
