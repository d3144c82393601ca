-- Vacuum the dossiers, letters and their cases after a number of changed rows, not a share of the
-- table. Migration 0025 set 2 %: about 24,000 rows of a province's 1.2 million dossiers, a day of a
-- busy province's work (4,000 dossiers moved six times), so the visibility map that the statistics'
-- index-only scans read decayed all day between two vacuums. A vacuum reads only the pages changed
-- since the last one, so its cost follows the rows changed: every 5,000 of them (about a second's
-- work on the benchmark's table) keeps the statistics near their vacuumed time whatever the table's
-- size. Measured in docs/benchmarks.md ("Eleventh round").
ALTER TABLE "dossiers" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);--> statement-breakpoint
ALTER TABLE "letters" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);--> statement-breakpoint
ALTER TABLE "letter_cases" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
