-- The keys of a batched read (src/server/db/batched.ts), each with its place in the array, estimated
-- as one row. A batched read's statement is prepared once per connection, but PostgreSQL planned it
-- again at every run: from `unnest($1)` a generic plan expects 100 keys, a custom plan the batch's
-- few, so the custom plan always looked cheaper and the statement was planned on every call (1 ms
-- of PostgreSQL's time for the dossier action's read, more than running it). Behind a function
-- whose estimate is one row, the generic plan (a nested loop of index probes, the right plan for
-- one key as for 64) wins after the first five runs and is kept. See docs/benchmarks.md.
CREATE OR REPLACE FUNCTION dv_batch_keys(keys anyarray) RETURNS TABLE (key anyelement, i integer)
LANGUAGE plpgsql IMMUTABLE STRICT ROWS 1 AS $$
BEGIN
  FOR n IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
    key := keys[n];
    i := n;
    RETURN NEXT;
  END LOOP;
END
$$;
