-- The servers also keep units, agencies, procedures and settings for a few seconds (db/notified-cache.ts):
-- every statement that writes one of them sends NOTIFY danvan_auth too, so every process forgets
-- what it kept. Units were already announced for the columns that decide who may see what; now any
-- write to a unit is (its validity dates, code and kind are read by intake).
DROP TRIGGER IF EXISTS units_auth_changed ON units;
--> statement-breakpoint
CREATE TRIGGER units_auth_changed AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
--> statement-breakpoint
CREATE TRIGGER agencies_changed AFTER INSERT OR UPDATE OR DELETE ON agencies FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
--> statement-breakpoint
CREATE TRIGGER procedures_changed AFTER INSERT OR UPDATE OR DELETE ON procedures FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
--> statement-breakpoint
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH STATEMENT EXECUTE FUNCTION dv_auth_changed();
