DROP INDEX "dossiers_online_submitted_idx";--> statement-breakpoint
DROP INDEX "dossiers_life_idx";--> statement-breakpoint
CREATE INDEX "dossiers_life_idx" ON "dossiers" USING gist (tstzrange(least("submitted_at", "finished_at"), "finished_at", '[]'));