CREATE TABLE "letter_sketch_bands" (
	"band" text NOT NULL,
	"letter_id" uuid NOT NULL,
	CONSTRAINT "letter_sketch_bands_band_letter_id_pk" PRIMARY KEY("band","letter_id")
);
--> statement-breakpoint
DROP INDEX "letters_content_sketch_idx";--> statement-breakpoint
ALTER TABLE "letter_sketch_bands" ADD CONSTRAINT "letter_sketch_bands_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_sketch_bands_letter_idx" ON "letter_sketch_bands" USING btree ("letter_id");--> statement-breakpoint
-- Every letter's bands, kept by a trigger (the sketch is generated from subject, content and target).
CREATE OR REPLACE FUNCTION dv_letter_sketch_bands() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.content_sketch IS NOT DISTINCT FROM OLD.content_sketch THEN
      RETURN NULL;
    END IF;
    DELETE FROM letter_sketch_bands WHERE letter_id = NEW.id;
  END IF;
  INSERT INTO letter_sketch_bands (band, letter_id)
    SELECT DISTINCT b, NEW.id FROM unnest(NEW.content_sketch) AS b
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER letters_sketch_bands AFTER INSERT OR UPDATE OF subject, content, target ON letters
  FOR EACH ROW EXECUTE FUNCTION dv_letter_sketch_bands();
--> statement-breakpoint
INSERT INTO letter_sketch_bands (band, letter_id)
  SELECT DISTINCT b, l.id FROM letters l CROSS JOIN LATERAL unnest(l.content_sketch) AS b
  ON CONFLICT DO NOTHING;
