-- The bands carry the unit that received the letter, first after the band in the key: a commune officer's duplicate
-- suggestions read their own units' letters of a band, which a band shared by hundreds of the province's letters would
-- otherwise crowd out of its first rows. Rebuilt as a new table (a copy is cheaper than updating every row and index).
CREATE TABLE "letter_sketch_bands_new" (
	"band" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL
);
--> statement-breakpoint
INSERT INTO "letter_sketch_bands_new" ("band", "unit_id", "letter_id")
  SELECT b.band, l.unit_id, b.letter_id FROM letter_sketch_bands b JOIN letters l ON l.id = b.letter_id;
--> statement-breakpoint
DROP TABLE "letter_sketch_bands";--> statement-breakpoint
ALTER TABLE "letter_sketch_bands_new" RENAME TO "letter_sketch_bands";--> statement-breakpoint
ALTER TABLE "letter_sketch_bands" ADD CONSTRAINT "letter_sketch_bands_band_unit_id_letter_id_pk" PRIMARY KEY("band","unit_id","letter_id");--> statement-breakpoint
ALTER TABLE "letter_sketch_bands" ADD CONSTRAINT "letter_sketch_bands_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_sketch_bands_letter_idx" ON "letter_sketch_bands" USING btree ("letter_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION dv_letter_sketch_bands() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.content_sketch IS NOT DISTINCT FROM OLD.content_sketch AND NEW.unit_id = OLD.unit_id THEN
      RETURN NULL;
    END IF;
    DELETE FROM letter_sketch_bands WHERE letter_id = NEW.id;
  END IF;
  INSERT INTO letter_sketch_bands (band, unit_id, letter_id)
    SELECT DISTINCT b, NEW.unit_id, NEW.id FROM unnest(NEW.content_sketch) AS b
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "letters_sketch_bands" ON "letters";--> statement-breakpoint
CREATE TRIGGER letters_sketch_bands AFTER INSERT OR UPDATE OF subject, content, target, unit_id ON letters
  FOR EACH ROW EXECUTE FUNCTION dv_letter_sketch_bands();
