CREATE TABLE "letter_publications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"case_code" text NOT NULL,
	"type" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"answer" text NOT NULL,
	"document_number" text,
	"document_date" date,
	"signer" text,
	"answered_at" timestamp (3) with time zone NOT NULL,
	"published" boolean NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"published_by" uuid,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawn_by" uuid,
	"text_folded" text GENERATED ALWAYS AS (dv_fold("summary" || ' ' || "answer")) STORED
);
--> statement-breakpoint
CREATE TABLE "letter_ratings" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_ratings_level_ck" CHECK ("letter_ratings"."level" in ('satisfied', 'partly', 'not_satisfied'))
);
--> statement-breakpoint
CREATE TABLE "letter_case_alerts" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"recipient_ids" uuid[] NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_case_alerts_case_id_kind_due_at_pk" PRIMARY KEY("case_id","kind","due_at"),
	CONSTRAINT "letter_case_alerts_kind_ck" CHECK ("letter_case_alerts"."kind" in ('reminder', 'escalation'))
);
--> statement-breakpoint
ALTER TABLE "letter_publications" ADD CONSTRAINT "letter_publications_case_id_letter_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."letter_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_publications" ADD CONSTRAINT "letter_publications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_ratings" ADD CONSTRAINT "letter_ratings_case_id_letter_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."letter_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_case_alerts" ADD CONSTRAINT "letter_case_alerts_case_id_letter_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."letter_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "letter_publications_code_uq" ON "letter_publications" USING btree ("case_code");--> statement-breakpoint
CREATE INDEX "letter_publications_list_idx" ON "letter_publications" USING btree ("published_at" DESC NULLS LAST,"case_id") WHERE "letter_publications"."published";--> statement-breakpoint
CREATE INDEX "letter_publications_unit_idx" ON "letter_publications" USING btree ("unit_id","published_at" DESC NULLS LAST) WHERE "letter_publications"."published";--> statement-breakpoint
CREATE INDEX "letter_publications_search_idx" ON "letter_publications" USING gin ("text_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "letter_ratings_created_idx" ON "letter_ratings" USING btree ("created_at");