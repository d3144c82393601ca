-- A statement that writes several rows at once (a workflow step with its record's update) fails as a
-- whole when one of its guards did not hold: dv_require(false, 'concurrent_transition') raises
-- P0001 with that message, which the server turns into its 409. See docs/decisions/0009.
CREATE OR REPLACE FUNCTION dv_require(ok boolean, what text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = what;
  END IF;
  RETURN true;
END
$$;
