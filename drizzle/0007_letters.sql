CREATE TABLE "code_counters" (
	"series" text NOT NULL,
	"day" date NOT NULL,
	"next" integer NOT NULL,
	CONSTRAINT "code_counters_series_day_pk" PRIMARY KEY("series","day")
);
--> statement-breakpoint
CREATE TABLE "letter_case_letters" (
	"case_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"role" text NOT NULL,
	"similarity" real,
	"linked_by" uuid,
	"linked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_case_letters_case_id_letter_id_pk" PRIMARY KEY("case_id","letter_id")
);
--> statement-breakpoint
CREATE TABLE "letter_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"letter_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"type" text NOT NULL,
	"workflow_code" text NOT NULL,
	"state" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency_id" uuid,
	"assignee_id" uuid,
	"summary" text NOT NULL,
	"target" text,
	"about_regulation" boolean DEFAULT false NOT NULL,
	"eligibility" jsonb NOT NULL,
	"processable" boolean NOT NULL,
	"not_processable_reason" text,
	"anonymous" boolean NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone,
	"accepted_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"outcome" text,
	"outcome_reason" text,
	"result" text,
	"seq" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_files" (
	"letter_id" uuid NOT NULL,
	"case_id" uuid,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"step_seq" integer,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_files_letter_id_file_id_pk" PRIMARY KEY("letter_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"channel" text NOT NULL,
	"workflow_code" text NOT NULL,
	"state" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency_id" uuid,
	"received_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone,
	"classified_at" timestamp (3) with time zone,
	"forwarded_from" text,
	"forwarded_doc_number" text,
	"forwarded_doc_date" date,
	"declared_kind" text,
	"subject" text,
	"content" text NOT NULL,
	"target" text,
	"people_count" integer DEFAULT 1 NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"has_translation" boolean DEFAULT false NOT NULL,
	"dated" boolean NOT NULL,
	"signed" boolean NOT NULL,
	"anonymous" boolean NOT NULL,
	"identity_protected" boolean DEFAULT false NOT NULL,
	"writer_sealed" text NOT NULL,
	"writer_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"writer_name" text,
	"writer_address" text,
	"writer_phone" text,
	"writer_email" text,
	"writer_id_number" text,
	"representatives" jsonb,
	"content_folded" text GENERATED ALWAYS AS (dv_fold(coalesce("subject", '') || ' ' || "content" || ' ' || coalesce("target", ''))) STORED,
	"seq" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_case_letters" ADD CONSTRAINT "letter_case_letters_case_id_letter_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."letter_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_case_letters" ADD CONSTRAINT "letter_case_letters_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_cases" ADD CONSTRAINT "letter_cases_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_cases" ADD CONSTRAINT "letter_cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_cases" ADD CONSTRAINT "letter_cases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_files" ADD CONSTRAINT "letter_files_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_files" ADD CONSTRAINT "letter_files_case_id_letter_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."letter_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_files" ADD CONSTRAINT "letter_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_case_letters_letter_idx" ON "letter_case_letters" USING btree ("letter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_cases_code_uq" ON "letter_cases" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_cases_letter_ordinal_uq" ON "letter_cases" USING btree ("letter_id","ordinal");--> statement-breakpoint
CREATE INDEX "letter_cases_unit_state_due_idx" ON "letter_cases" USING btree ("unit_id","state","due_at");--> statement-breakpoint
CREATE INDEX "letter_cases_assignee_state_idx" ON "letter_cases" USING btree ("assignee_id","state");--> statement-breakpoint
CREATE INDEX "letter_cases_type_received_idx" ON "letter_cases" USING btree ("type","received_at");--> statement-breakpoint
CREATE INDEX "letter_files_file_idx" ON "letter_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "letter_files_case_idx" ON "letter_files" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_code_uq" ON "letters" USING btree ("code");--> statement-breakpoint
CREATE INDEX "letters_unit_state_due_idx" ON "letters" USING btree ("unit_id","state","due_at");--> statement-breakpoint
CREATE INDEX "letters_received_idx" ON "letters" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "letters_content_search_idx" ON "letters" USING gin ("content_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "letters_writer_name_search_idx" ON "letters" USING gin (dv_fold("writer_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "letters_writer_keys_idx" ON "letters" USING gin ("writer_keys");--> statement-breakpoint
-- Dossier codes keep today's sequences: their counters move to the shared table as the series `dossier:<agency code>` (the next migration drops the old table).
INSERT INTO "code_counters" ("series", "day", "next") SELECT 'dossier:' || "agency_code", "day", "next" FROM "dossier_code_counters";
