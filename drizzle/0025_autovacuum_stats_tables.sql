-- The statistics read the dossiers' and letters' indexes alone (index-only scans), which skip the
-- table only for pages the visibility map marks all-visible. Every action updates its record, and
-- with the default thresholds (20 % of the table) a province's million dossiers would gather some
-- 200,000 changed rows between two vacuums: the benchmark's province statistics took 850 to 1,000 ms
-- in that state against 360 ms once vacuumed. Vacuumed after 2 % instead (about 20,000 rows of a
-- million, a few seconds' work that skips the all-visible pages).
ALTER TABLE "dossiers" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "letters" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "letter_cases" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
