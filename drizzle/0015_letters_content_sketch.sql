-- A MinHash sketch of a folded text for duplicate suggestions: the text's word pairs are hashed once
-- (hashtext) into 24 bins, each bin keeps its smallest hash, and every 3 bins make a band key
-- "<band>:<12 hex digits>" (an empty bin counts as "-", a band with no pair at all is left out).
-- Two letters with mostly the same wording share at least one band with high probability; letters
-- on other matters rarely do. Pairs of syllables rather than character trigrams: Vietnamese
-- syllables are short and share most of their trigrams, so trigram similarity of two unrelated
-- letters is already about 0.45.
CREATE OR REPLACE FUNCTION dv_sketch(folded text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM (
    SELECT (b.bin / 3)::text || ':' || left(md5(string_agg(coalesce(m.h::text, '-'), ',' ORDER BY b.bin)), 12) AS k
    FROM generate_series(0, 23) AS b(bin)
    LEFT JOIN (
      SELECT (g.h & 2147483647) % 24 AS bin, min(g.h) AS h
      FROM (
        SELECT hashtext(ws.w || ' ' || ws.nxt) AS h
        FROM (
          SELECT x.w, lead(x.w) OVER (ORDER BY x.i) AS nxt
          FROM unnest(regexp_split_to_array(folded, '[^a-z0-9]+')) WITH ORDINALITY AS x(w, i)
          WHERE x.w <> ''
        ) ws
        WHERE ws.nxt IS NOT NULL
      ) g
      GROUP BY 1
    ) m ON m.bin = b.bin
    GROUP BY b.bin / 3
    HAVING count(m.h) > 0
  ) s
$$;
--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "content_sketch" text[] GENERATED ALWAYS AS (dv_sketch(dv_fold(coalesce("subject", '') || ' ' || "content" || ' ' || coalesce("target", '')))) STORED;--> statement-breakpoint
CREATE INDEX "letters_content_sketch_idx" ON "letters" USING gin ("content_sketch");