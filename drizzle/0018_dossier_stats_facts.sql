ALTER TABLE "dossiers" ADD COLUMN "rating_points" smallint;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "completion_requests" timestamp (3) with time zone[];--> statement-breakpoint
-- Backfill from the records, each dossier's row written once: its rating's points and the times of its request_completion steps, in order.
UPDATE "dossiers" d SET "rating_points" = f.points, "completion_requests" = f.asked
FROM (
  SELECT coalesce(r.dossier_id, c.id) AS id, r.points, c.asked
  FROM (SELECT dossier_id, access + procedure + officials + result + feedback AS points FROM dossier_ratings) r
  FULL JOIN (
    SELECT entity_id AS id, array_agg(at ORDER BY at) AS asked
    FROM workflow_steps WHERE entity_type = 'dossier' AND action = 'request_completion' GROUP BY entity_id
  ) c ON c.id = r.dossier_id
) f
WHERE f.id = d.id;--> statement-breakpoint
CREATE INDEX "dossiers_stats_idx" ON "dossiers" USING btree ("receiving_unit_id","received_at","finished_at","submitted_at","due_at","channel","result_kind","agency_id","procedure_id","rating_points","completion_requests");
