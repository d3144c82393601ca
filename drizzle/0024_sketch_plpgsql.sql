-- The same MinHash sketch (0015), as PL/pgSQL: a SQL function whose body is a query is not inlined,
-- and PostgreSQL before 18 planned that query again for every statement that computes the sketch
-- (each new letter's generated column: about 0.15 to 0.3 ms). PL/pgSQL keeps the plan for the
-- connection. The result is the same for every text, so the stored sketches stay as they are.
CREATE OR REPLACE FUNCTION dv_sketch(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(k ORDER BY k), '{}') FROM (
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
  ) s);
END
$$;
