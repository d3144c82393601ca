-- Extensions and the diacritic-folding function used by every Vietnamese search.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- IMMUTABLE wrapper so that it can be used in indexes ("Đăng ký" and "dang ky" fold alike).
CREATE OR REPLACE FUNCTION dv_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
