CREATE TABLE "dossier_ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"access" smallint NOT NULL,
	"procedure" smallint NOT NULL,
	"officials" smallint NOT NULL,
	"result" smallint NOT NULL,
	"feedback" smallint NOT NULL,
	"comment" text,
	"citizen_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_ratings_access_ck" CHECK ("dossier_ratings"."access" between 1 and 5),
	CONSTRAINT "dossier_ratings_procedure_ck" CHECK ("dossier_ratings"."procedure" between 1 and 5),
	CONSTRAINT "dossier_ratings_officials_ck" CHECK ("dossier_ratings"."officials" between 1 and 5),
	CONSTRAINT "dossier_ratings_result_ck" CHECK ("dossier_ratings"."result" between 1 and 5),
	CONSTRAINT "dossier_ratings_feedback_ck" CHECK ("dossier_ratings"."feedback" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_ratings_created_idx" ON "dossier_ratings" USING btree ("created_at");