-- The servers keep signed-in sessions with their roles for a few seconds (platform/auth/session-cache.ts)
-- and forget them all when a session ends, a staff member's account, roles or unit change: every such
-- statement sends NOTIFY danvan_auth, which every server process listens to.
CREATE OR REPLACE FUNCTION dv_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('danvan_auth', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER DELETE OR UPDATE OF staff_id, expires_at, csrf_token ON sessions FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
--> statement-breakpoint
CREATE TRIGGER staff_auth_changed AFTER DELETE OR UPDATE OF active, username, full_name, unit_id, password_hash ON staff FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
--> statement-breakpoint
CREATE TRIGGER role_grants_auth_changed AFTER INSERT OR UPDATE OR DELETE ON role_grants FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
--> statement-breakpoint
CREATE TRIGGER units_auth_changed AFTER DELETE OR UPDATE OF path, name, depth, parent_id ON units FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
